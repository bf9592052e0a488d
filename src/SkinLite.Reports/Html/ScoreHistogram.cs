namespace SkinLite.Reports.Html;

/// <summary>
/// How many images scored in each ten points of the total score (0-9, ..., 80-89, and 90-100, so that 100 has a bin),
/// drawn as inline SVG with the counts also given as text and as a table. A score outside 0-100 (a hostile or broken
/// document) is counted apart, not drawn.
/// </summary>
internal sealed class ScoreHistogram
{
    public const int BinCount = 10;

    private const int BarWidth = 20;
    private const int Left = 10;
    private const int Baseline = 100;
    private const int MaxBarHeight = 80;

    private ScoreHistogram(int[] bins, int outOfRange)
    {
        Bins = bins;
        OutOfRange = outOfRange;
    }

    /// <summary>The count of each bin, lowest first.</summary>
    public IReadOnlyList<int> Bins { get; }

    /// <summary>Scores below 0 or above 100.</summary>
    public int OutOfRange { get; }

    public static ScoreHistogram Of(IEnumerable<int> scores)
    {
        var bins = new int[BinCount];
        int outOfRange = 0;
        foreach (int score in scores)
        {
            if (BinOf(score) is { } bin)
            {
                bins[bin]++;
            }
            else
            {
                outOfRange++;
            }
        }

        return new ScoreHistogram(bins, outOfRange);
    }

    /// <summary>The bin of a score, or <see langword="null"/> outside 0-100.</summary>
    public static int? BinOf(int score) => score is < 0 or > 100 ? null : Math.Min(score / 10, BinCount - 1);

    /// <summary>A bin's label, e.g. <c>50-59</c> or <c>90-100</c>.</summary>
    public static string Label(int bin) =>
        bin == BinCount - 1 ? "90\u2013100" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bin * 10}\u2013{(bin * 10) + 9}");

    public void Write(HtmlWriter html)
    {
        int highest = Math.Max(1, Bins.Max());
        html.Raw("<figure>\n<svg class=\"histogram\" viewBox=\"0 0 220 120\" role=\"img\" aria-labelledby=\"histogram-title histogram-desc\">")
            .Raw("<title id=\"histogram-title\">Images by total score, in bins of ten points</title><desc id=\"histogram-desc\">");
        for (int i = 0; i < BinCount; i++)
        {
            html.Raw(i == 0 ? string.Empty : "; ").Raw(Label(i)).Raw(": ").Number(Bins[i]);
        }

        html.Raw("</desc><line x1=\"").Number(Left).Raw("\" y1=\"").Number(Baseline).Raw("\" x2=\"").Number(Left + (BinCount * BarWidth))
            .Raw("\" y2=\"").Number(Baseline).Raw("\" stroke=\"#57606a\"/>");
        for (int i = 0; i < BinCount; i++)
        {
            int height = (int)Math.Round(Bins[i] * (double)MaxBarHeight / highest);
            int x = Left + (i * BarWidth);
            if (height > 0)
            {
                html.Raw("<rect class=\"bin\" x=\"").Number(x + 2).Raw("\" y=\"").Number(Baseline - height).Raw("\" width=\"").Number(BarWidth - 4)
                    .Raw("\" height=\"").Number(height).Raw("\"/>");
            }

            html.Raw("<text x=\"").Number(x + (BarWidth / 2)).Raw("\" y=\"").Number(Baseline - height - 2).Raw("\" text-anchor=\"middle\">").Number(Bins[i]).Raw("</text>")
                .Raw("<text x=\"").Number(x + (BarWidth / 2)).Raw("\" y=\"").Number(Baseline + 10).Raw("\" text-anchor=\"middle\">").Number(i * 10).Raw("</text>");
        }

        html.Raw("</svg>\n<figcaption>Images by total score, in bins of ten points.");
        if (OutOfRange > 0)
        {
            html.Raw(" ").Number(OutOfRange).Raw(OutOfRange == 1 ? " score was" : " scores were").Raw(" outside 0\u2013100 and not drawn.");
        }

        html.Raw("</figcaption>\n</figure>\n<details><summary>The same as a table</summary>\n<table class=\"histogram-table\">\n<caption>Images by total score</caption>\n")
            .Raw("<thead><tr><th scope=\"col\">Total score</th><th scope=\"col\">Images</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < BinCount; i++)
        {
            html.Raw("<tr><th scope=\"row\">").Raw(Label(i)).Raw("</th><td class=\"num\">").Number(Bins[i]).Raw("</td></tr>\n");
        }

        html.Raw("</tbody>\n</table>\n</details>\n");
    }
}
