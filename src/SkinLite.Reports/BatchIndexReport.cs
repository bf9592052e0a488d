using SkinLite.Reports.Html;

namespace SkinLite.Reports;

/// <summary>
/// The index of a batch as one HTML page (<c>index.html</c>): a sortable table of every image (thumbnail, outcome, total
/// score, each concern as a column, a link to its own page), the distribution of total scores, counts by rejection
/// reason, and totals. Like an analysis page it loads nothing from the network and carries a strict
/// Content-Security-Policy; thumbnails are relative links to files beside it, not embedded, so that a batch of
/// hundreds of photos gives a small page.
/// </summary>
public static class BatchIndexReport
{
    /// <summary>Renders the index of <paramref name="entries"/>, in their order.</summary>
    /// <param name="entries">One entry per image.</param>
    /// <param name="options">How to write it; the defaults when <see langword="null"/> (<see cref="ReportOptions.MaxEmbeddedImageBytes"/> does not apply).</param>
    /// <returns>The page's HTML.</returns>
    public static string Render(IEnumerable<BatchReportEntry> entries, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<BatchReportEntry> list = [.. entries];
        foreach (BatchReportEntry entry in list)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
        }

        return IndexPage.Render(list, options ?? ReportOptions.Default);
    }

    /// <summary>Renders the index and writes it to <paramref name="path"/> atomically (a temporary file beside it, then a rename).</summary>
    /// <param name="entries">One entry per image; their links are relative to <paramref name="path"/>'s folder.</param>
    /// <param name="path">The page's path, usually <c>index.html</c> in the batch's folder; its folder is created when missing.</param>
    /// <param name="options">How to write it; the defaults when <see langword="null"/>.</param>
    /// <exception cref="IOException">The page could not be written.</exception>
    public static void Write(IEnumerable<BatchReportEntry> entries, string path, ReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteText(path, Render(entries, options));
    }
}
