using SkinLite;
using SkinLite.Reports;

/// <summary>
/// The README's "Save the results and a report" lines, compiled with the sample so that they cannot rot
/// (eng/ci-samples.sh checks the README against the region below). Not called by the sample.
/// </summary>
internal static class ReportExamples
{
    public static async Task ShowAsync(AnalysisOutcome outcome, BatchItemResult item, CancellationToken cancellationToken)
    {
// <snippet>
        // Its own HttpClient: the access key is never sent to the image host. https only, 20 MB a file, verified images.
        using var downloader = new AssetDownloader();

        // The service's document, every image it references (input, masks, zones, each concern) and manifest.json.
        SavedAnalysis saved = await downloader.SaveAsync(outcome, "results/face-1", cancellationToken);
        foreach (SavedAsset missing in saved.Assets.Where(asset => asset.Status != SavedAssetStatus.Saved))
        {
            Console.Error.WriteLine($"{missing.Field}: {missing.Error}");   // saving again fetches only what is missing
        }

        // One self-contained page (images embedded, strict CSP, no network) to keep, mail or print to PDF.
        AnalysisReport.Write(saved, "results/face-1/report.html");

        // In a batch, save the service's whole document (it also names the uploaded input).
        await downloader.SaveAsync(item.Document, $"results/{Path.GetFileNameWithoutExtension(item.Path)}", cancellationToken);
// </snippet>
    }
}
