namespace SkinLite;

/// <summary>The modelled fields of <c>output.skinData</c>, gathered while reading before the analysis is built.</summary>
internal struct SkinAnalysisFields
{
    public int? TotalSkinScore;
    public int? SkinAge;
    public int? EyeAge;
    public string? SkinHealth;
    public string? SkinTone;
    public string? SkinShade;
    public string? SkinType;
    public int? FacialHair;
    public Utf8Text FacialHairUrl;
    public Utf8Text InputImageUrl;
    public Utf8Text CombineMaskedUrl;
    public Utf8Text Summary;
    public bool Emulated;
    public SkinZones? Zones;
    public SkinConcernList? Concerns;

    /// <summary>Moves the long texts' ranges (relative to the start of <c>output</c>) into the compact copy.</summary>
    public void Relocate(OffsetMap map)
    {
        FacialHairUrl = FacialHairUrl.Relocated(map, 0);
        InputImageUrl = InputImageUrl.Relocated(map, 0);
        CombineMaskedUrl = CombineMaskedUrl.Relocated(map, 0);
        Summary = Summary.Relocated(map, 0);
    }
}
