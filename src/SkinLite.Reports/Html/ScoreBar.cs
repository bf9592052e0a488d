namespace SkinLite.Reports.Html;

/// <summary>
/// A concern's score as a horizontal bar, 0 to 100, filled in its severity's colour. SVG, so that the per-row width and
/// colour are attributes (a style attribute would need <c>'unsafe-inline'</c>). Decorative: the number and the severity
/// are written beside it, so it is hidden from screen readers.
/// </summary>
internal static class ScoreBar
{
    public static void Write(HtmlWriter html, int? score, int? band)
    {
        html.Raw("<svg class=\"bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">")
            .Raw("<rect width=\"100\" height=\"8\" fill=\"#e6e8eb\"/>");
        if (score is { } value)
        {
            html.Raw("<rect width=\"").Number(Math.Clamp(value, 0, 100)).Raw("\" height=\"8\" fill=\"").Raw(SeverityBand.Colour(band)).Raw("\"/>");
        }

        html.Raw("</svg>");
    }
}
