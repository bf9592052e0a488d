using SkinLite.Reports.Html;

namespace SkinLite.Reports;

/// <summary>
/// One analysis as one self-contained HTML page: its saved images embedded as <c>data:</c> URIs, no request to any
/// network resource, a strict Content-Security-Policy, every string of the service's document escaped, readable on a
/// phone and printable to PDF. A rejected, failed or unfinished analysis gives a page that says so.
/// </summary>
/// <example>
/// <code>
/// SavedAnalysis saved = SavedAnalysis.Load("results/photo-1");
/// AnalysisReport.Write(saved, "results/photo-1/report.html");
/// </code>
/// </example>
public static class AnalysisReport
{
    /// <summary>Renders a saved analysis, its images embedded from the folder.</summary>
    /// <param name="saved">The saved folder.</param>
    /// <param name="options">How to write it; the defaults when <see langword="null"/>.</param>
    /// <returns>The page's HTML.</returns>
    /// <exception cref="InvalidDataException">The saved document is not a result document.</exception>
    /// <exception cref="IOException">The document could not be read.</exception>
    public static string Render(SavedAnalysis saved, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(saved);
        options ??= ReportOptions.Default;
        AnalysisOutcome outcome = Parse(saved.ReadDocument(), saved.DocumentPath);
        return AnalysisPage.Render(outcome, new SavedImages(saved, options.MaxEmbeddedImageBytes), saved.IsEmulated, saved.PredictionId, options);
    }

    /// <summary>
    /// Renders a bare result document that was not saved with its images: each image is a placeholder saying so (the
    /// page never loads the service's URLs).
    /// </summary>
    /// <param name="document">The document as UTF-8 JSON (the body of a poll).</param>
    /// <param name="options">How to write it; the defaults when <see langword="null"/>.</param>
    /// <returns>The page's HTML.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a result document.</exception>
    public static string Render(ReadOnlyMemory<byte> document, ReportOptions? options = null)
    {
        AnalysisOutcome outcome = Parse(document.Span, "The document");
        return AnalysisPage.Render(outcome, NoImages.Instance, emulated: false, predictionId: null, options ?? ReportOptions.Default);
    }

    /// <summary>
    /// Renders a saved analysis and writes it to <paramref name="path"/> atomically (a temporary file beside it, then a
    /// rename): the path never holds half a page.
    /// </summary>
    /// <param name="saved">The saved folder.</param>
    /// <param name="path">The page's path, e.g. <c>report.html</c> in the folder; its folder is created when missing.</param>
    /// <param name="options">How to write it; the defaults when <see langword="null"/>.</param>
    /// <exception cref="InvalidDataException">The saved document is not a result document.</exception>
    /// <exception cref="IOException">The document could not be read or the page not written.</exception>
    public static void Write(SavedAnalysis saved, string path, ReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteText(path, Render(saved, options));
    }

    private static AnalysisOutcome Parse(ReadOnlySpan<byte> document, string what)
    {
        try
        {
            AnalysisOutcome outcome = AnalysisOutcome.Parse(document);
            return outcome.Kind == OutcomeKind.None
                ? throw new InvalidDataException($"{what} has no outcome: it is not a result document.")
                : outcome;
        }
        catch (SkinLiteProtocolException ex)
        {
            throw new InvalidDataException($"{what} is not a result document the report can read: {ex.Message}", ex);
        }
    }
}
