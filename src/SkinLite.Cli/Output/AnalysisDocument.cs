namespace SkinLite.Cli.Output;

/// <summary>The typed analysis as --json prints it under <c>result</c>: camelCase names, every field present (null when unknown).</summary>
internal sealed class AnalysisDocument
{
    public int? TotalSkinScore { get; init; }

    public string? SkinType { get; init; }

    public string? SkinTone { get; init; }

    public string? SkinShade { get; init; }

    public int? SkinAge { get; init; }

    public int? EyeAge { get; init; }

    public string? SkinHealth { get; init; }

    public int? FacialHair { get; init; }

    public string? Summary { get; init; }

    public ZoneDocument? TZone { get; init; }

    public ZoneDocument? UZone { get; init; }

    public required IReadOnlyList<ConcernDocument> Concerns { get; init; }

    public string? InputImageUrl { get; init; }

    public string? CombineMaskedUrl { get; init; }

    public string? FacialHairUrl { get; init; }

    public static AnalysisDocument From(SkinAnalysis analysis)
    {
        var concerns = new List<ConcernDocument>(analysis.Concerns.Count);
        foreach (SkinConcern concern in analysis.Concerns)
        {
            concerns.Add(ConcernDocument.From(concern));
        }

        return new AnalysisDocument
        {
            TotalSkinScore = analysis.TotalSkinScore,
            SkinType = analysis.SkinType,
            SkinTone = analysis.SkinTone,
            SkinShade = analysis.SkinShadeHex,
            SkinAge = analysis.SkinAge,
            EyeAge = analysis.EyeAge,
            SkinHealth = analysis.SkinHealth,
            FacialHair = analysis.FacialHair,
            Summary = analysis.Summary,
            TZone = ZoneDocument.From(analysis.Zones.TZone),
            UZone = ZoneDocument.From(analysis.Zones.UZone),
            Concerns = concerns,
            InputImageUrl = analysis.InputImageUrl,
            CombineMaskedUrl = analysis.CombineMaskedUrl,
            FacialHairUrl = analysis.FacialHairUrl,
        };
    }
}

/// <summary>A t-zone or u-zone: its skin type and image.</summary>
internal sealed class ZoneDocument
{
    public string? Type { get; init; }

    public string? ImageUrl { get; init; }

    public static ZoneDocument? From(SkinZone? zone) => zone is null ? null : new ZoneDocument { Type = zone.Type, ImageUrl = zone.ImageUrl };
}

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
