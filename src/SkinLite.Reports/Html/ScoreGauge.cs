namespace SkinLite.Reports.Html;

/// <summary>
/// The overall score as a 270-degree arc with the number in its middle: inline SVG, coloured by attribute (the policy
/// allows no style attribute), with the score as its accessible name so the picture is never the only way to read it.
/// </summary>
internal static class ScoreGauge
{
    // The arc runs clockwise from the bottom left (135 degrees) to the bottom right (45 degrees) on a circle of radius
    // 40 about (50, 50); pathLength="100" makes the dash length the score itself.
    private const string Arc = "M21.716 78.284 A40 40 0 1 1 78.284 78.284";

    public static void Write(HtmlWriter html, int? score)
    {
        int shown = Math.Clamp(score ?? 0, 0, 100);
        html.Raw("<svg class=\"gauge\" viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"Total skin score ");
        if (score is { } value)
        {
            html.Number(value).Raw(" out of 100");
        }
        else
        {
            html.Raw("not given");
        }

        html.Raw("\"><path d=\"").Raw(Arc).Raw("\" fill=\"none\" stroke=\"#e6e8eb\" stroke-width=\"10\"/>");
        if (score is not null && shown > 0)
        {
            html.Raw("<path d=\"").Raw(Arc).Raw("\" fill=\"none\" pathLength=\"100\" stroke-width=\"10\" stroke=\"")
                .Raw(SeverityBand.Colour(SeverityBand.OfTotal(score))).Raw("\" stroke-dasharray=\"").Number(shown).Raw(" 100\"/>");
        }

        html.Raw("<text class=\"value\" x=\"50\" y=\"58\" text-anchor=\"middle\">").NumberOrDash(score)
            .Raw("</text><text class=\"of\" x=\"50\" y=\"72\" text-anchor=\"middle\">of 100</text></svg>");
    }
}
