namespace SkinLite;

/// <summary>The modelled fields of one concern, gathered while reading before the concern is built.</summary>
internal struct SkinConcernFields
{
    public string? AreaName;
    public string? Name;
    public string? TechName;
    public int? Value;
    public IReadOnlyList<string>? ScoreRange;
    public string? Severity;
    public IReadOnlyList<string>? SeverityList;
    public Utf8Text ImageUrl;
    public Utf8Text Description;
    public Utf8Text Analyses;

    /// <summary>Moves the long texts' ranges into the compact copy; <paramref name="start"/> is where the concern starts in the original <c>output</c>.</summary>
    public void Relocate(OffsetMap map, int start)
    {
        ImageUrl = ImageUrl.Relocated(map, start);
        Description = Description.Relocated(map, start);
        Analyses = Analyses.Relocated(map, start);
    }
}
