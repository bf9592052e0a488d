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

    private ResultOutputs(SavedDocument? document, SaveFolder? folder, bool report, IReadOnlyList<string> resumeOptions)
    {
        _document = document;
        _folder = folder;
        _report = report;
        ResumeOptions = resumeOptions;
    }

    /// <summary>
    /// The options that make a later <c>skinlite result</c> write the same files, for the resume command printed on a
    /// timeout or Ctrl-C: without them, following that command would end the job with nothing saved.
    /// </summary>
    public IReadOnlyList<string> ResumeOptions { get; }

    /// <summary>Whether the final document's bytes must be kept (the connection records them).</summary>
    public bool NeedsDocument => _document is not null || _folder is not null;

    /// <exception cref="BadInputException">A path cannot be written, or --report came without --save.</exception>
    public static ResultOutputs Prepare(string? saveDocument, string? saveFolder, bool report)
    {
        if (report && saveFolder is null)
        {
            throw new BadInputException($"{SaveOptions.ReportName} needs {SaveOptions.SaveName} DIR: the report is written there and embeds the images saved beside it. Nothing was sent.");
        }

        var resume = new List<string>();
        if (saveDocument is not null)
        {
            resume.AddRange([SavedDocument.OptionName, ResumeHint.Quote(saveDocument)]);
        }

        if (saveFolder is not null)
        {
            resume.AddRange(SaveResumeOptions(saveFolder, report));
        }

        return new ResultOutputs(
            SavedDocument.Prepare(saveDocument),
            saveFolder is null ? null : SaveFolder.Prepare(saveFolder, SaveOptions.SaveName),
            report,
            resume);
    }

    /// <summary>Writes the final document wherever it was asked for. Failures are reported on stderr; they do not change the exit code.</summary>
    /// <param name="outcome">What the document says: only an ended job's images are saved (a pending one has none yet).</param>
    /// <param name="code">The exit code the outcome gave, returned as it is unless Ctrl-C cut the save short.</param>
    /// <returns><paramref name="code"/>, or 130 when the save was cancelled.</returns>
    public async Task<int> WriteAsync(ServiceConnection connection, AnalysisOutcome outcome, byte[]? document, JobIds ids, int code, bool quiet, CancellationToken cancellationToken)
    {
        _document?.Write(document);
        if (_folder is null)
        {
            return code;
        }

        if (!outcome.IsTerminal)
        {
            Terminal.Error($"Nothing was saved to '{_folder.Shown}': the job has not ended. This waits for it and saves it: {ResumeHint.Command(connection.Settings, ids, ["--wait", .. ResumeOptions])}");
            return code;
        }

        if (document is null)
        {
            NotWritten("the service sent no result document");
            return code;
        }

        // The built-in emulator's jobs end with this process, so only a real service's job can be fetched again.
        // --report again too: the report written now shows the missing images as missing.
        string? retry = connection.Settings.UseEmulator ? null : ResumeHint.Command(connection.Settings, ids, SaveResumeOptions(_folder.Shown, _report));
        try
        {
            await AnalysisSaver.SaveAsync(connection, document, _folder, _report, quiet, retry, cancellationToken).ConfigureAwait(false);
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The analysis is printed and its job has ended: only the save stopped, and the message says so.
            Terminal.Error($"Cancelled while saving to '{_folder.Shown}'; what is saved is kept.{(retry is null ? "" : $" This saves the rest: {retry}")}");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // Whatever the save throws, the analysis was made and printed: its exit code stands.
            Terminal.Error($"Could not save to '{_folder.Shown}': {SaveFailure.Describe(ex)}");
            return code;
        }
    }

    private static string[] SaveResumeOptions(string folder, bool report) =>
        report ? [SaveOptions.SaveName, ResumeHint.Quote(folder), SaveOptions.ReportName] : [SaveOptions.SaveName, ResumeHint.Quote(folder)];

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
