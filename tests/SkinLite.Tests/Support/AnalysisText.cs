using System.Text;

namespace SkinLite.Tests.Support;

/// <summary>Every field of an analysis (long texts, label lists, zones, each concern's and the output's raw JSON) in one text, to compare two analyses whole.</summary>
internal static class AnalysisText
{
    public static string Describe(SkinAnalysis a)
    {
        var text = new StringBuilder();
        text.AppendLine($"{a.TotalSkinScore}|{a.SkinAge}|{a.EyeAge}|{a.SkinHealth}|{a.SkinTone}|{a.SkinShade}|{a.SkinType}|{a.FacialHair}");
        text.AppendLine($"{a.FacialHairUrl}|{a.InputImageUrl}|{a.CombineMaskedUrl}|{a.Summary}|{a.IsEmulated}");
        text.AppendLine($"{a.Zones.TZone?.ImageUrl}|{a.Zones.TZone?.Type}|{a.Zones.UZone?.ImageUrl}|{a.Zones.UZone?.Type}");
        foreach (SkinConcern c in a.Concerns)
        {
            text.AppendLine($"{c.TechName}|{c.Name}|{c.AreaName}|{c.Value}|{Items(c.ScoreRange)}|{c.Severity}|{Items(c.SeverityList)}|{c.ImageUrl}|{c.Description}|{c.Analyses}|{c.Json.GetRawText()}");
        }

        text.Append(a.OutputJson.GetRawText());
        return text.ToString();
    }

    /// <summary>A list with each item quoted, so ["a,b"] and ["a","b"] never read alike.</summary>
    public static string Items(IReadOnlyList<string> items) =>
        "[" + string.Join(",", items.Select(item => "\"" + item.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]";
}
