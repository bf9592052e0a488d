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
