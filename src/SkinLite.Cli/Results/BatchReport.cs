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
            entries.Add(EntryFor(folder, image));
        }

        try
        {
            BatchIndexReport.Write(entries, Path.Combine(folder.Path, IndexFileName), new ReportOptions { Title = TitleFor(emulated) });
            Terminal.Error($"Report: {folder.ShownPath(IndexFileName)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The batch's results are written; a report it cannot write is said, not made the batch's exit code.
            Terminal.Error($"Could not write the report '{folder.ShownPath(IndexFileName)}': {ex.Message}");
        }
    }

    /// <summary>The index's title: a batch's analyses are said to be synthetic when the emulator made them.</summary>
    private static string TitleFor(bool emulated) => emulated ? "Batch (emulated)" : "Batch";

    /// <summary>An image's row: linked to its own report when its analysis was saved and that report could be written.</summary>
    private static BatchReportEntry EntryFor(SaveFolder folder, BatchImageEntry image)
    {
        try
        {
            if (image.Folder is { } name && TryEntry(folder.Path, name, image.Path, out _) is { } saved)
            {
                return saved;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new BatchReportEntry { Name = image.Path, Status = $"{Describe(image)}; its report could not be written: {ex.Message}" };
        }

        return new BatchReportEntry { Name = image.Path, Status = Describe(image) };
    }

    /// <summary>skinlite report on a folder of saved analyses: one entry per folder inside it that holds one.</summary>
    /// <returns>How many analyses the index lists; nothing is written when none.</returns>
    public static int WriteFromFolder(string directory, string indexPath)
    {
        var entries = new List<BatchReportEntry>();
        bool emulated = false;
        foreach (string child in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(child);
            try
            {
                if (TryEntry(directory, name, name, out bool synthetic) is { } entry)
                {
                    entries.Add(entry);
                    emulated |= synthetic;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // One damaged folder does not cost the index of all the others; it is named so that it can be saved again.
                Terminal.Error($"Left out of the index: '{child}': {ex.Message}");
            }
        }

        if (entries.Count > 0)
        {
            // Titled as batch --report titles it, so that rewriting a batch's index keeps saying its results are synthetic.
            BatchIndexReport.Write(entries, indexPath, new ReportOptions { Title = TitleFor(emulated) });
        }

        return entries.Count;
    }

    /// <summary>Writes the image's own report and makes its index entry; null when its folder holds no saved analysis.</summary>
    /// <param name="emulated">Whether the saved analysis came from an emulator.</param>
    private static BatchReportEntry? TryEntry(string root, string folderName, string shownName, out bool emulated)
    {
        emulated = false;
        string child = Path.Combine(root, folderName);
        if (!File.Exists(Path.Combine(child, SavedAnalysis.ManifestFileName)))
        {
            return null;
        }

        SavedAnalysis saved = SavedAnalysis.Load(child);
        emulated = saved.IsEmulated;
        AnalysisReport.Write(saved, Path.Combine(child, AnalysisSaver.ReportFileName));
        SavedAsset? thumbnail = saved.InputPhoto;
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
