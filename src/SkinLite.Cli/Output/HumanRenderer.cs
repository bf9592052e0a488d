using System.Globalization;
using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// The report a person reads: scores first, then concerns with a bar, zones, summary and image links. Fits 80 columns;
/// colour and block characters only on a terminal, plain ASCII when piped.
/// </summary>
internal sealed class HumanRenderer(TextWriter output, bool color)
{
    private const int Width = 80;
    private const int BarCells = 20;
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";

    public void Render(OutcomeReport report)
    {
        AnalysisDocument? result = report.Result;
        if (result is null)
        {
            return;
        }

        var text = new StringBuilder();
        Heading(text, report.Emulated ? "Skin analysis (emulated: synthetic values, not a real analysis)" : "Skin analysis");
        Row(text, "Overall score", result.TotalSkinScore is { } score ? $"{score}/100  {Bar(score)}" : null);
        Row(text, "Skin type", result.SkinType);
        Row(text, "Skin tone", Join(result.SkinTone, result.SkinShade is null ? null : "shade " + result.SkinShade));
        Row(text, "Skin age", Join(Number(result.SkinAge), result.EyeAge is { } eye ? $"eye age {eye}" : null));
        Row(text, "Skin health", result.SkinHealth);
        Row(text, "Facial hair", Number(result.FacialHair));

        if (result.Concerns.Count > 0)
        {
            text.AppendLine();
            Heading(text, "Concerns                    score  severity        (higher score is better)");
            foreach (ConcernDocument concern in result.Concerns)
            {
                string name = Fit(concern.Name ?? concern.TechName ?? "?", 26);
                string value = concern.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";
                string severity = Fit(concern.Severity ?? "", 15);
                text.Append(CultureInfo.InvariantCulture, $"  {name,-26}{value,5}  {severity,-15} ");
                text.AppendLine(concern.Value is { } bar ? Bar(bar) : "");
            }
        }

        if (result.TZone is not null || result.UZone is not null)
        {
            text.AppendLine();
            Heading(text, "Zones");
            Row(text, "T-zone", result.TZone?.Type);
            Row(text, "U-zone", result.UZone?.Type);
        }

        if (!string.IsNullOrWhiteSpace(result.Summary))
        {
            text.AppendLine();
            Heading(text, "Summary");
            Wrap(text, result.Summary!, indent: 2);
        }

        AppendImages(text, result);
        text.AppendLine();
        text.AppendLine(Paint(Dim, IdsLine(report)));
        output.Write(text.ToString());
    }

    private void AppendImages(StringBuilder text, AnalysisDocument result)
    {
        var links = new List<(string Label, string Url)>();
        Add(links, "input", result.InputImageUrl);
        Add(links, "all masks", result.CombineMaskedUrl);
        Add(links, "t-zone", result.TZone?.ImageUrl);
        Add(links, "u-zone", result.UZone?.ImageUrl);
        Add(links, "facial hair", result.FacialHairUrl);
        foreach (ConcernDocument concern in result.Concerns)
        {
            Add(links, concern.TechName ?? concern.Name ?? "concern", concern.ImageUrl);
        }

        if (links.Count == 0)
        {
            return;
        }

        text.AppendLine();
        Heading(text, "Images");
        foreach ((string label, string url) in links)
        {
            // Links are never cut: a truncated URL is useless, and terminals wrap them fine.
            text.Append("  ").Append(Fit(label, 14).PadRight(14)).Append(' ').AppendLine(TerminalText.Clean(url));
        }

        static void Add(List<(string, string)> links, string label, string? url)
        {
            if (!string.IsNullOrWhiteSpace(url))
            {
                links.Add((label, url));
            }
        }
    }

    private static string IdsLine(OutcomeReport report)
    {
        var parts = new List<string>(3);
        if (report.PredictionId is not null)
        {
            parts.Add("prediction " + report.PredictionId);
        }

        if (report.ScanId is not null)
        {
            parts.Add("scan " + report.ScanId);
        }

        if (report.AppId is not null)
        {
            parts.Add("app " + report.AppId);
        }

        return parts.Count == 0 ? "(no ids in the document)" : TerminalText.Clean(string.Join(", ", parts));
    }

    private void Heading(StringBuilder text, string title) => text.AppendLine(Paint(Bold, title));

    private static void Row(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append("  ").Append(label.PadRight(14)).Append(' ').AppendLine(TerminalText.Clean(value));
        }
    }

    private string Bar(int score)
    {
        int clamped = Math.Clamp(score, 0, 100);
        int filled = (int)Math.Round(clamped * BarCells / 100.0);
        if (!color)
        {
            return "[" + new string('#', filled) + new string('.', BarCells - filled) + "]";
        }

        // The service's own bands: 90-100 good, 50-89 moderate, below 50 needs attention.
        string hue = clamped >= 90 ? "\e[32m" : clamped >= 50 ? "\e[33m" : "\e[31m";
        return hue + new string('█', filled) + Dim + new string('░', BarCells - filled) + Reset;
    }

    private string Paint(string style, string value) => color ? style + value + Reset : value;

    private static void Wrap(StringBuilder text, string paragraph, int indent)
    {
        int column = 0;
        foreach (string word in TerminalText.Clean(paragraph).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (column > 0 && column + 1 + word.Length > Width - indent - 2)
            {
                text.AppendLine();
                column = 0;
            }

            if (column == 0)
            {
                text.Append(' ', indent);
            }
            else
            {
                text.Append(' ');
                column++;
            }

            text.Append(word);
            column += word.Length;
        }

        text.AppendLine();
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}, {second}";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cleaned before it is cut, so an escape made visible is counted in the width.</summary>
    private static string Fit(string value, int width)
    {
        value = TerminalText.Clean(value);
        return value.Length <= width ? value : value[..(width - 1)] + "~";
    }
}
