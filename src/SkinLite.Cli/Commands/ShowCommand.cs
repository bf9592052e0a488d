using System.CommandLine;
using SkinLite.Cli.Input;
using System.Text.Json;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite show &lt;file|-&gt;</c>: decode a saved prediction document and print it as analyze would.</summary>
internal static class ShowCommand
{
    /// <summary>A prediction document is a few tens of KB; anything far larger is not one.</summary>
    private const int MaxDocumentBytes = SavedDocument.MaxBytes;

    /// <summary>
    /// The outcome the document records (0, 3, 4, or 5 for an unfinished job or a saved timeout), a file that is not one
    /// (2), and Ctrl-C while reading stdin (130). Nothing is sent, so never 6; 7 only as the recorded outcome of a saved
    /// --json report whose submit ended uncertain (outcome unknown), which analyze itself ended with 7.
    /// </summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } =
    [
        ExitCodes.Succeeded, ExitCodes.BadInput, ExitCodes.Rejected, ExitCodes.JobFailed, ExitCodes.NotFinished, ExitCodes.ServiceError, ExitCodes.Cancelled,
    ];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A saved prediction document (the service's JSON answer, e.g. from --save-document) or skinlite's own --json output; - reads it from stdin." };
        Option<bool> json = CommonOptions.Json();
        var command = new Command("show", "Print a saved prediction document, or a saved --json report, the way analyze prints a result.") { file };
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => RunAsync(parse.GetRequiredValue(file), new OutcomePrinter(parse.GetValue(json)), cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, OutcomePrinter printer, CancellationToken cancellationToken)
    {
        string source = file == "-" ? "stdin" : $"'{file}'";
        byte[] document = await ReadAsync(file, source, cancellationToken).ConfigureAwait(false);
        if (IsCliReport(document))
        {
            return printer.Print(ReadCliReport(document, source));
        }

        AnalysisOutcome outcome;
        try
        {
            outcome = AnalysisOutcome.Parse(document);
        }
        catch (SkinLiteProtocolException ex)
        {
            throw new BadInputException($"{source} is not a prediction document: {ex.Message}");
        }

        return printer.Print(OutcomeReport.From(outcome, IdsOf(document), emulated: false));
    }

    private static async Task<byte[]> ReadAsync(string file, string source, CancellationToken cancellationToken)
    {
        byte[] document;
        if (file == "-")
        {
            using Stream stdin = Console.OpenStandardInput();
            document = await ReadCappedAsync(stdin, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A regular file only (a pipe is read with -), and never more than the cap even if its length lies.
            using FileStream stream = RegularFile.Open(file, "a saved document (to read a pipe, give - and redirect it)");
            if (stream.Length > MaxDocumentBytes)
            {
                throw new BadInputException($"{source} is {stream.Length} bytes, over the {MaxDocumentBytes}-byte limit of a prediction document.");
            }

            document = await ReadCappedAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        return document.Length switch
        {
            0 => throw new BadInputException($"{source} is empty: there is no document to show."),
            > MaxDocumentBytes => throw new BadInputException($"{source} is over the {MaxDocumentBytes}-byte limit of a prediction document."),
            _ => document,
        };
    }

    /// <summary>Reads at most one byte past the cap, so an endless or huge pipe is refused without being buffered whole.</summary>
    private static async Task<byte[]> ReadCappedAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxDocumentBytes && (read = await input.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxDocumentBytes + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// skinlite's own --json output rather than a service document: an object with a top-level <c>outcome</c>, which
    /// the service's documents never have.
    /// </summary>
    private static bool IsCliReport(byte[] document)
    {
        try
        {
            using JsonDocument parsed = JsonDocument.Parse(document);
            return parsed.RootElement.ValueKind == JsonValueKind.Object && parsed.RootElement.TryGetProperty("outcome", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A saved --json report, printed as the command that wrote it printed it, with the same exit code.</summary>
    private static OutcomeReport ReadCliReport(byte[] document, string source)
    {
        OutcomeReport? report;
        try
        {
            report = JsonRenderer.Read(document);
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"{source} looks like skinlite's --json output but cannot be read: {ex.Message}");
        }

        if (report is null || !OutcomeReport.Outcomes.Contains(report.Outcome))
        {
            throw new BadInputException($"{source} looks like skinlite's --json output but its outcome is not one of {string.Join(", ", OutcomeReport.Outcomes)}.");
        }

        return report;
    }

    /// <summary>The ids the document carries about itself (<c>_id</c>, <c>scanId</c>, <c>appId</c>), when it has them.</summary>
    private static JobIds IdsOf(byte[] document)
    {
        try
        {
            using JsonDocument parsed = JsonDocument.Parse(document);
            JsonElement root = parsed.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new JobIds(Text(root, "appId"), Text(root, "scanId"), Text(root, "_id"))
                : default;
        }
        catch (JsonException)
        {
            return default;
        }

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
