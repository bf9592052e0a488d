using System.CommandLine;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;
using SkinLite.Reports;

namespace SkinLite.Cli.Commands;

/// <summary>
/// <c>skinlite report &lt;saved-folder | folder-of-saved-folders | document.json&gt; [-o FILE]</c>: the HTML report of
/// what is already on the disk. Nothing is sent anywhere: images come from the saved folder, never from their URLs.
/// </summary>
internal static class ReportCommand
{
    /// <summary>Written (0), or a path that is not a saved analysis or document, or an output that cannot be written (2).</summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } = [ExitCodes.Succeeded, ExitCodes.BadInput];

    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "A folder written by --save (report.html), a folder of them such as batch --save's (index.html and a report.html in each), or a result document (its images shown as not saved).",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the report (default: report.html or index.html in the folder; beside a document, its name with .html).",
            HelpName = "file",
        };
        var command = new Command("report", "Write the self-contained HTML report of a saved analysis, of a saved batch, or of a result document. Nothing is sent.") { input };
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => Task.FromResult(Run(parse.GetRequiredValue(input), parse.GetValue(output))),
            cancellationToken));
        return command;
    }

    private static int Run(string input, string? output)
    {
        try
        {
            string written = Write(input, output);
            Console.Out.WriteLine($"Report: {written}");
            return ExitCodes.Succeeded;
        }
        catch (InvalidDataException ex)
        {
            throw new BadInputException($"Cannot report '{input}': {ex.Message}");
        }
    }

    /// <returns>The report's path as shown to the user.</returns>
    private static string Write(string input, string? output)
    {
        if (Directory.Exists(input))
        {
            if (File.Exists(Path.Combine(input, SavedAnalysis.ManifestFileName)))
            {
                string path = output ?? Path.Combine(input, AnalysisSaver.ReportFileName);
                AnalysisReport.Write(SavedAnalysis.Load(input), Checked(path, input));
                return path;
            }

            string index = output ?? Path.Combine(input, BatchReport.IndexFileName);
            return BatchReport.WriteFromFolder(input, Checked(index, input)) > 0
                ? index
                : throw new BadInputException(NothingSavedIn(input));
        }

        if (!File.Exists(input))
        {
            throw new BadInputException($"'{input}' does not exist: give a folder written by --save, or a result document.");
        }

        string report = output ?? Path.ChangeExtension(input, ".html");
        if (Path.GetFullPath(report) == Path.GetFullPath(input))
        {
            throw new BadInputException($"'{report}' is the document itself; write the report elsewhere with -o.");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(input));
        if (folder is not null && File.Exists(Path.Combine(folder, SavedAnalysis.ManifestFileName)) && Path.GetFileName(input) == SavedAnalysis.DocumentFileName)
        {
            // The document of a saved folder: report the folder, with its images.
            AnalysisReport.Write(SavedAnalysis.Load(folder), Checked(report, input));
            return report;
        }

        byte[] document = ReadDocument(input);
        string html = AnalysisReport.Render(document);
        if (AnalysisOutcome.Parse(document) is { IsPending: true } pending)
        {
            // A report of a job still running would say nothing and look final.
            throw new BadInputException($"'{input}' is the document of a job that has not ended (status {pending.Status}): there is nothing to report yet. Fetch its final document with skinlite result <scanId> <predictionId> --wait --save DIR --report.");
        }

        OutputFile.WriteAtomically(Checked(report, input), System.Text.Encoding.UTF8.GetBytes(html));
        return report;
    }

    /// <summary>Why a folder with no saved analysis in it cannot be reported, pointing at the right folder when it is a batch's --out.</summary>
    private static string NothingSavedIn(string input)
    {
        if (!File.Exists(Path.Combine(input, BatchOutputFolder.JournalName)))
        {
            return $"'{input}' holds no saved analysis: no {SavedAnalysis.ManifestFileName} in it or in the folders inside it. Save one with analyze, result or batch --save.";
        }

        string saved = Path.Combine(input, BatchReport.DefaultSaveFolder);
        return Directory.Exists(saved)
            ? $"'{input}' is a batch's --out folder; batch --report saved its analyses in '{saved}': skinlite report {ResumeHint.Quote(saved)}"
            : $"'{input}' is a batch's --out folder, which keeps the service's documents but not their images. Run the batch again with the same --out and --save DIR (it saves them from {BatchOutputFolder.DocumentsName}/ without paying again), then report DIR; or report one document in '{Path.Combine(input, BatchOutputFolder.DocumentsName)}'.";
    }

    private static byte[] ReadDocument(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > SavedDocument.MaxBytes)
        {
            throw new BadInputException($"'{path}' is {info.Length:N0} bytes: far larger than a result document (at most {SavedDocument.MaxBytes / (1024 * 1024)} MB is read).");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// The output path, refused when it cannot be the report (rather than failing mid-write): its folder is missing, it
    /// is a folder, or it is a saved analysis's own document or manifest, which the report would overwrite.
    /// </summary>
    private static string Checked(string path, string input)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new BadInputException($"Cannot write the report of '{input}' to '{path}': there is no folder '{directory}'.");
        }

        if (Directory.Exists(full))
        {
            throw new BadInputException($"Cannot write the report of '{input}' to '{path}': it is a folder; give the report's file name, e.g. {Path.Combine(path, AnalysisSaver.ReportFileName)}.");
        }

        string name = Path.GetFileName(full);
        return (name == SavedAnalysis.DocumentFileName || name == SavedAnalysis.ManifestFileName) && File.Exists(Path.Combine(directory, SavedAnalysis.ManifestFileName))
            ? throw new BadInputException($"Cannot write the report of '{input}' to '{path}': that is a saved analysis's own {name}; give a file name ending in .html.")
            : path;
    }
}
