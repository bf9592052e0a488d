namespace SkinLite.Reports.Tests.Support;

/// <summary>One concern of a sample document; every string can be replaced, so a hostile document can set them all.</summary>
internal sealed record ConcernSpec(
    string Name,
    string TechName,
    int? Value,
    string Severity,
    string Image,
    string Description = "A sample description of the concern.",
    string Analyses = "What the concern measures, in a sentence.",
    string Area = "face",
    string[]? ScoreRange = null,
    string[]? SeverityList = null)
{
    public static readonly string[] DefaultRanges = ["0-49", "50-89", "90-100"];
    public static readonly string[] DefaultSeverities = ["Needs Attention", "Average", "Good"];
}
