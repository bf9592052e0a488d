using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Reports;

namespace SkinLite.Cli.Results;

/// <summary>
/// --save / --report for one analysis (analyze, result): the document and every image it references into the folder,
/// then the report beside them, and a few lines on stderr saying what was saved and what was not.
/// </summary>
internal static class AnalysisSaver
{
    public const string ReportFileName = "report.html";

    /// <param name="retry">The command that saves again (only what is missing), for when images failed; null when none can.</param>
    public static async Task SaveAsync(ServiceConnection connection, byte[] document, SaveFolder folder, bool report, bool quiet, string? retry, CancellationToken cancellationToken)
    {
        SavedAnalysis saved = await connection.Assets.SaveAsync(document, folder.Path, cancellationToken).ConfigureAwait(false);
        Describe(saved, folder.Shown, quiet, retry);
        if (report)
        {
            string path = Path.Combine(folder.Path, ReportFileName);
            AnalysisReport.Write(saved, path);
            Terminal.Error($"Report: {folder.ShownPath(ReportFileName)}");
        }
    }

    /// <summary>One line for the save, and one for each image that was not saved (those are shown even when quiet).</summary>
    public static void Describe(SavedAnalysis saved, string shown, bool quiet, string? retry)
    {
        int count = saved.Assets.Count(asset => asset.Status == SavedAssetStatus.Saved);
        if (!quiet || !saved.IsComplete)
        {
            Terminal.Error($"Saved the document and {count} of {saved.Assets.Count} images to '{shown}'.");
        }

        foreach (SavedAsset asset in saved.Assets.Where(asset => asset.Status != SavedAssetStatus.Saved))
        {
            Terminal.Error($"  not saved: {asset.Field}: {asset.Error}");
        }

        if (!saved.IsComplete && retry is not null)
        {
            Terminal.Error($"What is saved is kept; this downloads only what is missing: {retry}");
        }
    }
}
