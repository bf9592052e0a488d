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

    /// <summary>
    /// Which field a member name is, for both ways of reading a concern. The hottest dispatch of a finished answer (every
    /// concern, every field): one length switch and one comparison per name instead of trying each known name in turn.
    /// </summary>
    public static SkinConcernField Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("name"u8) => SkinConcernField.Name,
        5 when name.SequenceEqual("value"u8) => SkinConcernField.Value,
        5 when name.SequenceEqual("image"u8) => SkinConcernField.Image,
        8 when name.SequenceEqual("severity"u8) => SkinConcernField.Severity,
        8 when name.SequenceEqual("analyses"u8) => SkinConcernField.Analyses,
        9 when name.SequenceEqual("tech_name"u8) => SkinConcernField.TechName,
        9 when name.SequenceEqual("area_name"u8) => SkinConcernField.AreaName,
        11 when name.SequenceEqual("score_range"u8) => SkinConcernField.ScoreRange,
        11 when name.SequenceEqual("description"u8) => SkinConcernField.Description,
        13 when name.SequenceEqual("severity_list"u8) => SkinConcernField.SeverityList,
        _ => SkinConcernField.Unknown,
    };
}
