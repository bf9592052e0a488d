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
    public LazyUtf8String FacialHairUrl;
    public LazyUtf8String InputImageUrl;
    public LazyUtf8String CombineMaskedUrl;
    public LazyUtf8String Summary;
    public bool Emulated;
    public SkinZones? Zones;
    public SkinConcernList? Concerns;
}
