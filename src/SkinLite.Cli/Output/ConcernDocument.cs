namespace SkinLite.Cli.Output;

/// <summary>One concern: its score (0-100, higher is better), severity and image.</summary>
internal sealed class ConcernDocument
{
    public string? TechName { get; init; }

    public string? Name { get; init; }

    public string? AreaName { get; init; }

    public int? Value { get; init; }

    public string? Severity { get; init; }

    public required IReadOnlyList<string> ScoreRange { get; init; }

    public required IReadOnlyList<string> SeverityList { get; init; }

    public string? ImageUrl { get; init; }

    public string? Description { get; init; }

    public static ConcernDocument From(SkinConcern concern) => new()
    {
        TechName = concern.TechName,
        Name = concern.Name,
        AreaName = concern.AreaName,
        Value = concern.Value,
        Severity = concern.Severity,
        ScoreRange = concern.ScoreRange,
        SeverityList = concern.SeverityList,
        ImageUrl = concern.ImageUrl,
        Description = concern.Description,
    };
}
