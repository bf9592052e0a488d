using SkinLite.Cli.Output;
using SkinLite.Reports;

namespace SkinLite.Cli.Results;

/// <summary>
/// The report of a saved batch: a report.html in each image's folder and index.html beside them, linking each. From a
/// batch run (which knows every image, saved or not) or from a folder of saved analyses (skinlite report).
/// </summary>
internal static class BatchReport
{
    public const string IndexFileName = "index.html";

    /// <summary>Where batch --report saves when --save is not given: a folder inside --out.</summary>
    public const string DefaultSaveFolder = "saved";

    /// <summary>batch --report: every image of the run, each linked to its page when its analysis was saved.</summary>
    public static void Write(SaveFolder folder, IReadOnlyList<BatchImageEntry> images, bool emulated)
    {
        var entries = new List<BatchReportEntry>(images.Count);
        foreach (BatchImageEntry image in images)
        {
            entries.Add(image.Folder is { } name && TryEntry(folder.Path, name, image.Path) is { } saved
                ? saved
                : new BatchReportEntry { Name = image.Path, Status = Describe(image) });
        }

        string title = emulated ? "Batch (emulated)" : "Batch";
        BatchIndexReport.Write(entries, Path.Combine(folder.Path, IndexFileName), new ReportOptions { Title = title });
        Terminal.Error($"Report: {folder.ShownPath(IndexFileName)}");
    }

    /// <summary>skinlite report on a folder of saved analyses: one entry per folder inside it that holds one.</summary>
    /// <returns>How many analyses the index lists; nothing is written when none.</returns>
    public static int WriteFromFolder(string directory, string indexPath)
    {
        var entries = new List<BatchReportEntry>();
        foreach (string child in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(child);
            if (File.Exists(Path.Combine(child, "manifest.json")) && TryEntry(directory, name, name) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (entries.Count > 0)
        {
            BatchIndexReport.Write(entries, indexPath);
        }

        return entries.Count;
    }

    /// <summary>Writes the image's own report and makes its index entry; null when its folder holds no saved analysis.</summary>
    private static BatchReportEntry? TryEntry(string root, string folderName, string shownName)
    {
        string child = Path.Combine(root, folderName);
        if (!File.Exists(Path.Combine(child, "manifest.json")))
        {
            return null;
        }

        SavedAnalysis saved = SavedAnalysis.Load(child);
        AnalysisReport.Write(saved, Path.Combine(child, AnalysisSaver.ReportFileName));
        SavedAsset? thumbnail = saved.Find("input.image") ?? saved.Find("output.skinData.inputImage");
        return new BatchReportEntry
        {
            Name = shownName,
            Outcome = AnalysisOutcome.Parse(saved.ReadDocument()),
            ReportHref = folderName + "/" + AnalysisSaver.ReportFileName,
            ThumbnailHref = thumbnail is null ? null : folderName + "/" + thumbnail.FileName,
        };
    }

    private static string Describe(BatchImageEntry image) => image.Status switch
    {
        BatchItemStatus.Refused => $"refused before sending: {image.Message ?? image.Reason.ToString()}",
        BatchItemStatus.Uncertain => "uncertain: the submit went unanswered",
        BatchItemStatus.NotSubmitted => "not submitted",
        BatchItemStatus.Unfinished => "unfinished: resume the batch",
        _ => image.Status.ToString().ToLowerInvariant() + (image.Message is null ? "" : ": " + image.Message),
    };
}
