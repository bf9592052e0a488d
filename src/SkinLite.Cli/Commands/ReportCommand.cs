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
            if (File.Exists(Path.Combine(input, "manifest.json")))
            {
                string path = output ?? Path.Combine(input, AnalysisSaver.ReportFileName);
                AnalysisReport.Write(SavedAnalysis.Load(input), Checked(path, input));
                return path;
            }

            string index = output ?? Path.Combine(input, BatchReport.IndexFileName);
            return BatchReport.WriteFromFolder(input, Checked(index, input)) > 0
                ? index
                : throw new BadInputException($"'{input}' holds no saved analysis: no manifest.json in it or in the folders inside it. Save one with analyze, result or batch --save.");
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
        if (folder is not null && File.Exists(Path.Combine(folder, "manifest.json")) && Path.GetFileName(input) == SavedAnalysis.DocumentFileName)
        {
            // The document of a saved folder: report the folder, with its images.
            AnalysisReport.Write(SavedAnalysis.Load(folder), Checked(report, input));
            return report;
        }

        byte[] document = ReadDocument(input);
        OutputFile.WriteAtomically(Checked(report, input), System.Text.Encoding.UTF8.GetBytes(AnalysisReport.Render(document)));
        return report;
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

    /// <summary>The output path, refused when its folder does not exist (rather than failing mid-write).</summary>
    private static string Checked(string path, string input)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return directory is not null && Directory.Exists(directory)
            ? path
            : throw new BadInputException($"Cannot write the report of '{input}' to '{path}': there is no folder '{directory}'.");
    }
}
