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
    public LazyUtf8String ImageUrl;
    public LazyUtf8String Description;
    public LazyUtf8String Analyses;
}
