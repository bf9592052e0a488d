using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;

namespace SkinLite.Cli.Results;

/// <summary>
/// Where a single analysis's final document goes, checked before anything is sent: --save-document FILE, and --save DIR
/// (with --report) for the document, its images and the report.
/// </summary>
internal sealed class ResultOutputs
{
    private readonly SavedDocument? _document;
    private readonly SaveFolder? _folder;
    private readonly bool _report;

    private ResultOutputs(SavedDocument? document, SaveFolder? folder, bool report)
    {
        _document = document;
        _folder = folder;
        _report = report;
    }

    /// <summary>Whether the final document's bytes must be kept (the connection records them).</summary>
    public bool NeedsDocument => _document is not null || _folder is not null;

    /// <exception cref="BadInputException">A path cannot be written, or --report came without --save.</exception>
    public static ResultOutputs Prepare(string? saveDocument, string? saveFolder, bool report)
    {
        if (report && saveFolder is null)
        {
            throw new BadInputException($"{SaveOptions.ReportName} needs {SaveOptions.SaveName} DIR: the report is written there and embeds the images saved beside it. Nothing was sent.");
        }

        return new ResultOutputs(
            SavedDocument.Prepare(saveDocument),
            saveFolder is null ? null : SaveFolder.Prepare(saveFolder, SaveOptions.SaveName),
            report);
    }

    /// <summary>Writes the final document wherever it was asked for. Failures are reported on stderr; they do not change the exit code.</summary>
    /// <param name="outcome">What the document says: only an ended job's images are saved (a pending one has none yet).</param>
    public async Task WriteAsync(ServiceConnection connection, AnalysisOutcome outcome, byte[]? document, JobIds ids, bool quiet, CancellationToken cancellationToken)
    {
        _document?.Write(document);
        if (_folder is null)
        {
            return;
        }

        if (!outcome.IsTerminal)
        {
            Terminal.Error($"Nothing was saved to '{_folder.Shown}': the job has not ended.");
            return;
        }

        if (document is null)
        {
            NotWritten("the service sent no result document");
            return;
        }

        // The built-in emulator's jobs end with this process, so only a real service's job can be fetched again.
        string? retry = connection.Settings.UseEmulator ? null : ResumeHint.Command(connection.Settings, ids, [SaveOptions.SaveName, ResumeHint.Quote(_folder.Shown)]);
        try
        {
            await AnalysisSaver.SaveAsync(connection, document, _folder, _report, quiet, retry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Terminal.Error($"Could not save to '{_folder.Shown}': {ex.Message}");
        }
    }

    /// <summary>For a wait that ended without an outcome: there is no final document to save.</summary>
    public void NotWritten(string why)
    {
        _document?.NotWritten(why);
        if (_folder is not null)
        {
            Terminal.Error($"Nothing was saved to '{_folder.Shown}': {why}.");
        }
    }
}
