namespace SkinLite.Benchmarks.Parse;

/// <summary>Reads every modelled field of an analysis, the way a caller showing the whole result would.</summary>
public static class TypedResult
{
    public static int TouchEveryField(SkinAnalysis analysis)
    {
        int total = (analysis.TotalSkinScore ?? 0) + (analysis.SkinAge ?? 0) + (analysis.EyeAge ?? 0) + (analysis.FacialHair ?? 0)
            + Length(analysis.SkinHealth) + Length(analysis.SkinTone) + Length(analysis.SkinShade) + Length(analysis.SkinType)
            + Length(analysis.FacialHairUrl) + Length(analysis.InputImageUrl) + Length(analysis.CombineMaskedUrl) + Length(analysis.Summary)
            + Length(analysis.Zones.TZone?.ImageUrl) + Length(analysis.Zones.TZone?.Type)
            + Length(analysis.Zones.UZone?.ImageUrl) + Length(analysis.Zones.UZone?.Type);
        foreach (SkinConcern concern in analysis.Concerns)
        {
            total += (concern.Value ?? 0) + Length(concern.TechName) + Length(concern.Name) + Length(concern.AreaName)
                + Length(concern.Severity) + Length(concern.ImageUrl) + Length(concern.Description) + Length(concern.Analyses)
                + concern.ScoreRange.Count + concern.SeverityList.Count;
        }

        return total;
    }

    private static int Length(string? text) => text?.Length ?? 0;
}
