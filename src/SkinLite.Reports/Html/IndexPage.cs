namespace SkinLite.Reports.Html;

/// <summary>
/// The batch index: totals, the table of every image (sortable by its column buttons when script runs), the histogram
/// of total scores and the counts by rejection reason. Names and statuses are the caller's, concern names the
/// service's: all escaped; links only through <see cref="RelativeHref"/>.
/// </summary>
internal static class IndexPage
{
    public const string DefaultTitle = "Skin analysis batch";

    public static string Render(IReadOnlyList<BatchReportEntry> entries, ReportOptions options)
    {
        var html = new HtmlWriter();
        string title = options.Title ?? DefaultTitle;
        PageShell.Open(html, title, withScript: true);
        List<SkinAnalysis> analyses = [.. entries.Select(entry => entry.Outcome.TryGetResult(out SkinAnalysis? result) ? result : null).OfType<SkinAnalysis>()];
        if (analyses.Any(analysis => analysis.IsEmulated))
        {
            html.Raw("<p class=\"emulated\" role=\"note\"><strong>")
                .Raw(analyses.All(analysis => analysis.IsEmulated) ? "Emulated results" : "Some results are emulated")
                .Raw(" \u2014 synthetic scores made up by SkinLite's emulator, not analyses of these faces.</strong></p>\n");
        }

        html.Raw("<h1>").Text(title).Raw("</h1>\n");
        Totals(html, entries, analyses);
        Table(html, entries, ConcernColumns.Of(analyses));
        html.Raw("<section aria-labelledby=\"distribution\">\n<h2 id=\"distribution\">Distribution of total scores</h2>\n");
        ScoreHistogram.Of(analyses.Select(analysis => analysis.TotalSkinScore).OfType<int>()).Write(html);
        html.Raw("</section>\n");
        Rejections(html, entries);
        PageShell.Close(html, options, withScript: true);
        return html.ToString();
    }

    private static void Totals(HtmlWriter html, IReadOnlyList<BatchReportEntry> entries, List<SkinAnalysis> analyses)
    {
        html.Raw("<section aria-labelledby=\"totals\">\n<h2 id=\"totals\">Totals</h2>\n<dl class=\"facts\">\n<dt>Images</dt><dd>").Number(entries.Count).Raw("</dd>\n");
        foreach (OutcomeKind kind in (ReadOnlySpan<OutcomeKind>)[OutcomeKind.Succeeded, OutcomeKind.Rejected, OutcomeKind.Failed, OutcomeKind.Pending, OutcomeKind.None])
        {
            int count = entries.Count(entry => entry.Outcome.Kind == kind);
            if (count > 0 || kind == OutcomeKind.Succeeded)
            {
                html.Raw("<dt>").Raw(OutcomeText.Kind(kind)).Raw("</dt><dd>").Number(count).Raw("</dd>\n");
            }
        }

        int[] scores = [.. analyses.Select(analysis => analysis.TotalSkinScore).OfType<int>()];
        if (scores.Length > 0)
        {
            html.Raw("<dt>Mean total score</dt><dd>").Number(scores.Average(), 1).Raw("</dd>\n");
        }

        html.Raw("</dl>\n</section>\n");
    }

    private static void Table(HtmlWriter html, IReadOnlyList<BatchReportEntry> entries, ConcernColumns columns)
    {
        html.Raw("<section aria-labelledby=\"images\">\n<h2 id=\"images\">Images</h2>\n<div class=\"table-wrap\"><table id=\"results\">\n")
            .Raw("<caption>Every image of the batch; the column buttons sort the table</caption>\n<thead><tr><th scope=\"col\">Photo</th>");
        SortableHeader(html, "Image", numeric: false);
        SortableHeader(html, "Outcome", numeric: false);
        SortableHeader(html, "Total score", numeric: true);
        for (int c = 0; c < columns.Count; c++)
        {
            html.Raw("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-type=\"number\">").Text(columns.Label(c), 60).Raw("</button></th>");
        }

        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (BatchReportEntry entry in entries)
        {
            Row(html, entry, columns);
        }

        html.Raw("</tbody>\n</table></div>\n");
        if (columns.LeftOut > 0)
        {
            html.Raw("<p class=\"muted\">").Number(columns.LeftOut).Raw(" more concerns are not shown as columns.</p>\n");
        }

        html.Raw("</section>\n");
    }

    private static void SortableHeader(HtmlWriter html, string label, bool numeric) =>
        html.Raw("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-type=\"").Raw(numeric ? "number" : "text").Raw("\">").Raw(label).Raw("</button></th>");

    private static void Row(HtmlWriter html, BatchReportEntry entry, ConcernColumns columns)
    {
        html.Raw("<tr><td>");
        if (RelativeHref.Encode(entry.ThumbnailHref) is { } thumbnail)
        {
            html.Raw("<img class=\"thumb\" src=\"").Text(thumbnail, int.MaxValue).Raw("\" alt=\"Photo ").Text(entry.Name).Raw("\" width=\"64\" height=\"64\" loading=\"lazy\">");
        }
        else
        {
            html.Raw("<span class=\"muted\">\u2014</span>");
        }

        html.Raw("</td><th scope=\"row\" data-sort=\"").Text(entry.Name).Raw("\">");
        if (RelativeHref.Encode(entry.ReportHref) is { } report)
        {
            html.Raw("<a href=\"").Text(report, int.MaxValue).Raw("\">").Text(entry.Name).Raw("</a>");
        }
        else
        {
            html.Text(entry.Name);
        }

        string outcome = Describe(entry);
        html.Raw("</th><td data-sort=\"").Text(outcome).Raw("\">").Text(outcome).Raw("</td>");
        entry.Outcome.TryGetResult(out SkinAnalysis? analysis);
        NumberCell(html, analysis?.TotalSkinScore);
        for (int c = 0; c < columns.Count; c++)
        {
            NumberCell(html, analysis is null ? null : columns.ValueOf(analysis, c));
        }

        html.Raw("</tr>\n");
    }

    private static void NumberCell(HtmlWriter html, int? value)
    {
        if (value is { } number)
        {
            html.Raw("<td class=\"num\" data-sort=\"").Number(number).Raw("\">").Number(number).Raw("</td>");
        }
        else
        {
            html.Raw("<td class=\"num\" data-sort=\"\"><span class=\"muted\">\u2014</span></td>");
        }
    }

    /// <summary>The outcome in words, with the rejection reason or the caller's status.</summary>
    private static string Describe(BatchReportEntry entry)
    {
        AnalysisOutcome outcome = entry.Outcome;
        string text = outcome.Kind switch
        {
            OutcomeKind.None => entry.Status ?? OutcomeText.Kind(OutcomeKind.None),
            OutcomeKind.Rejected => OutcomeText.Kind(outcome.Kind) + ": " + OutcomeText.Reason(outcome.RejectionReason),
            _ => OutcomeText.Kind(outcome.Kind),
        };
        return outcome.Kind != OutcomeKind.None && !string.IsNullOrEmpty(entry.Status) ? text + " (" + entry.Status + ")" : text;
    }

    private static void Rejections(HtmlWriter html, IReadOnlyList<BatchReportEntry> entries)
    {
        html.Raw("<section aria-labelledby=\"rejections\">\n<h2 id=\"rejections\">Rejections</h2>\n");
        List<(RejectionReason Reason, int Count)> counts =
        [
            .. entries.Where(entry => entry.Outcome.IsRejected)
                .GroupBy(entry => entry.Outcome.RejectionReason)
                .Select(group => (group.Key, group.Count()))
                .OrderByDescending(pair => pair.Item2)
                .ThenBy(pair => pair.Key),
        ];
        if (counts.Count == 0)
        {
            html.Raw("<p>No image was rejected.</p>\n</section>\n");
            return;
        }

        html.Raw("<table class=\"rejections\">\n<caption>Images the service refused, by reason</caption>\n<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\">Images</th></tr></thead>\n<tbody>\n");
        foreach ((RejectionReason reason, int count) in counts)
        {
            html.Raw("<tr><th scope=\"row\">").Raw(OutcomeText.Reason(reason)).Raw("</th><td class=\"num\">").Number(count).Raw("</td></tr>\n");
        }

        html.Raw("</tbody>\n</table>\n</section>\n");
    }
}
