using System.CommandLine;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Input;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;
using SkinLite.Imaging;

namespace SkinLite.Cli.Commands;

/// <summary>
/// <c>skinlite batch &lt;folder|list|-&gt; --out DIR</c>: many images through the library's batch runner, with a journal
/// that makes a rerun resume (never paying twice), the service's document per image, and results.jsonl / results.csv.
/// </summary>
internal static class BatchCommand
{
    /// <summary>How long jobs in flight get after Ctrl-C, unless --grace says otherwise.</summary>
    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every image final (0); a bad input or option (2); an unexpected failure (7); images left to a later run or an early
    /// stop for the budget, the quota or the key (8); Ctrl-C (130).
    /// </summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } =
    [
        ExitCodes.Succeeded, ExitCodes.BadInput, ExitCodes.ServiceError, ExitCodes.BatchIncomplete, ExitCodes.Cancelled,
    ];

    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "A folder of images (*.jpg, *.jpeg, *.png, *.webp, searched recursively), a file listing image paths (one a line; # comments; relative to the file's folder), or - to read paths from stdin.",
        };
        var output = new Option<string>("--out")
        {
            Description = $"The folder for {BatchOutputFolder.JournalName} (a rerun resumes from it), {BatchOutputFolder.DocumentsName}/, {BatchOutputFolder.ResultsJsonName} and {BatchOutputFolder.ResultsCsvName}; created if missing.",
            HelpName = "dir",
            Required = true,
        };
        Option<int?> concurrency = CommonOptions.WholeNumber("--concurrency", $"The most submits in flight at once (default 4; the batch starts at 1 and adapts to the service's 429s), 1-{BatchOptions.MaxSubmitConcurrency}.", 1, BatchOptions.MaxSubmitConcurrency);
        Option<int?> maxAnalyses = CommonOptions.WholeNumber("--max-analyses", "Stop submitting after this many submits in this run (each a paid analysis); the rest are left for a resume.", 0);
        Option<int?> maxCredits = CommonOptions.WholeNumber("--max-credits", "Stop submitting before this run's jobs would consume more credits than this.", 0);
        var resume = new Option<bool>("--resume") { Description = $"Require an existing {BatchOutputFolder.JournalName} in --out (a run over one resumes it anyway)." };
        var resubmitUncertain = new Option<bool>("--resubmit-uncertain") { Description = "Submit again the images whose earlier submit went unanswered: they may have been paid for already, so this may pay twice." };
        var grace = new Option<TimeSpan?>("--grace")
        {
            Description = "After Ctrl-C, how long jobs already submitted may still finish before they are left for a resume (default 30s; 0 stops at once).",
            HelpName = "duration",
            CustomParser = CommonOptions.ParseDurationOrZero,
        };
        var connection = new ConnectionOptions(offerEmulator: true);
        Option<bool> noFit = FitOptions.NoFit();
        Option<bool> keepMetadata = FitOptions.KeepMetadata();
        Option<string?> save = SaveOptions.Save("Save each image's document and every image it references into a folder of its own here (manifest.json maps them); a rerun downloads only what is missing.");
        Option<bool> report = SaveOptions.Report($"Also write a report.html per image and index.html (a sortable table of every image) into the --save folder (without --save: {BatchReport.DefaultSaveFolder}/ inside --out).");
        Option<bool> json = CommonOptions.Json();
        json.Description = "Print the summary as one JSON object on stdout (camelCase field names) instead of on stderr.";
        Option<bool> quiet = CommonOptions.Quiet();

        var command = new Command("batch", "Analyse a folder or list of face images, resumably: a journal, the service's document per image, results.jsonl and results.csv.") { input };
        command.Options.Add(output);
        connection.AddTo(command);
        command.Options.Add(concurrency);
        command.Options.Add(maxAnalyses);
        command.Options.Add(maxCredits);
        command.Options.Add(resume);
        command.Options.Add(resubmitUncertain);
        command.Options.Add(grace);
        command.Options.Add(noFit);
        command.Options.Add(keepMetadata);
        command.Options.Add(save);
        command.Options.Add(report);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () =>
            {
                var request = new BatchRequest(
                    parse.GetRequiredValue(input),
                    parse.GetRequiredValue(output),
                    connection.Resolve(parse),
                    parse.GetValue(concurrency),
                    parse.GetValue(maxAnalyses),
                    parse.GetValue(maxCredits),
                    parse.GetValue(resume),
                    parse.GetValue(resubmitUncertain),
                    parse.GetValue(grace) ?? DefaultGrace,
                    parse.GetValue(noFit) ? null : new ImageFitOptions { KeepMetadata = parse.GetValue(keepMetadata) },
                    parse.GetValue(save),
                    parse.GetValue(report),
                    parse.GetValue(json),
                    parse.GetValue(quiet));
                return RunAsync(request, cancellationToken);
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        // Checked in this order so that a bad input leaves no --out folder behind.
        BatchInput input = BatchInput.Open(request.Input);
        if (request.Save is { } save)
        {
            // Its path is checked before --out is made; it is created after, since by default it lies inside --out.
            OptionFolder.FullPath(save, SaveOptions.SaveName);
        }

        BatchOutputFolder folder = BatchOutputFolder.Prepare(request.Out, request.Resume);
        SaveFolder? saveFolder = request.SaveFolderPath is { } savePath ? SaveFolder.Prepare(savePath, SaveOptions.SaveName) : null;
        ConnectionSettings settings = request.Settings;
        if (settings.UseEmulator)
        {
            Terminal.Error($"Using the built-in emulator, whose results are synthetic ({settings.EmulatorReason}).");
        }

        JournalState? journaled = ReplayJournal(folder);
        using BatchResultFiles files = BatchResultFiles.Start(folder, journaled, settings.AppId, settings.UseEmulator);
        // The run holds its own replay of the journal; this one would otherwise live in the async state as long as the run.
        journaled = null;

        var options = new BatchOptions
        {
            JournalPath = folder.Journal,
            KeepDocuments = true,
            MaxAnalyses = request.MaxAnalyses,
            MaxCredits = request.MaxCredits,
            ResubmitUncertain = request.ResubmitUncertain,
            CancellationGrace = request.Grace,
            Prepare = request.Fit is null ? null : PhotoFitting.ForBatch(request.Fit),
        };
        if (request.Fit is not null)
        {
            // What analyze reads before fitting (a 48 MP PNG can pass the library's default of 64 MiB): one command, one limit.
            options.MaxFileBytes = ImageFitter.MaxInputBytes;
        }

        if (request.Concurrency is { } submits)
        {
            options.MaxConcurrentSubmits = submits;
        }

        using ServiceConnection connection = ServiceConnection.Open(settings, skipPreflight: false);
        var tally = new BatchTally();
        await using BatchSaver? saver = saveFolder is null ? null : new BatchSaver(connection, saveFolder, cancellationToken);
        List<BatchImageEntry>? entries = request.Report ? [] : null;
        using (new BatchProgress(tally, () => input.Total, request.Quiet))
        {
            await foreach (BatchItemResult result in connection.Client.AnalyzeManyAsync(input.Paths(), options, cancellationToken).ConfigureAwait(false))
            {
                // Everything about this image is on the disk before the next result is asked for, which is when the
                // runner journals this one's outcome: a crash in between leaves a job that a resume polls again.
                tally.Add(result);
                string? missing = null;
                byte[]? saving = saver is null ? null : BatchDocument.ToSave(result, folder, out missing);
                if (missing is not null)
                {
                    saver!.NotSaved(result.Path, missing);
                }

                entries?.Add(new BatchImageEntry(result.Path, result.Status, result.Reason, result.Message, saving is null ? null : BatchSaver.FolderFor(result.Path)));
                if (saving is not null)
                {
                    await saver!.EnqueueAsync(result.Path, saving).ConfigureAwait(false);
                }

                if (result.FromJournal && files.Holds(result.Path))
                {
                    continue;
                }

                string? document = null;
                if (!result.Document.IsEmpty)
                {
                    OutputFile.WriteAtomically(folder.DocumentPathFor(result.Path), result.Document.Span);
                    document = BatchOutputFolder.DocumentEntryFor(result.Path);
                }

                files.Append(result.Path, BatchResultLine.For(result, document, settings.AppId, settings.UseEmulator));
            }
        }

        files.Complete();
        BatchCounts counts = tally.Snapshot();
        bool cancelled = cancellationToken.IsCancellationRequested;
        if (saver is not null && cancelled)
        {
            await saver.StopAsync().ConfigureAwait(false);
        }
        else if (saver is not null)
        {
            await saver.CompleteAsync(request.Quiet).ConfigureAwait(false);
            if (entries is not null)
            {
                BatchReport.Write(saver.Folder, entries, settings.UseEmulator);
            }
        }

        int code = cancelled ? ExitCodes.Cancelled
            : counts.Open > 0 || BatchSummary.StoppedBy(counts) != BatchStopReason.None ? ExitCodes.BatchIncomplete
            : ExitCodes.Succeeded;
        string? resumeWith = code == ExitCodes.Succeeded ? null : request.ResumeCommand();
        if (request.Json)
        {
            JsonRenderer.Render(Console.Out, BatchSummary.Document(counts, folder, resumeWith, cancelled, settings.UseEmulator, code));
        }
        else if (!request.Quiet || code != ExitCodes.Succeeded)
        {
            BatchSummary.WriteHuman(Console.Error, counts, folder, resumeWith, cancelled);
        }

        if (settings.UseEmulator && counts.Of(BatchItemStatus.Unfinished) > 0)
        {
            Terminal.Error("The built-in emulator's jobs end with this process, so a resume cannot fetch the unfinished ones: delete the journal to start over, or use a real service or 'skinlite emulator'.");
        }

        return code;
    }

    /// <summary>
    /// The journal as the previous run left it, to rebuild the results files from; <see langword="null"/> when there is
    /// none. Refused when another batch is writing it, before the results files (which that batch owns) are touched.
    /// </summary>
    /// <exception cref="BadInputException">Another batch holds the journal, or it is not a batch journal this version reads.</exception>
    private static JournalState? ReplayJournal(BatchOutputFolder folder)
    {
        if (!folder.HasJournal)
        {
            return null;
        }

        try
        {
            // The journal's own guard, tried and let go at once: the runner takes it for the run right after.
            using (new FileStream(folder.Journal + Journal.LockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
            }
        }
        catch (IOException)
        {
            throw new BadInputException($"The batch journal '{Path.Combine(folder.Shown, BatchOutputFolder.JournalName)}' is being written by another batch; one batch writes an --out folder at a time. Nothing was sent.");
        }

        try
        {
            return Journal.Replay(folder.Journal);
        }
        catch (InvalidDataException ex)
        {
            throw new BadInputException($"--out '{folder.Shown}' holds a {BatchOutputFolder.JournalName} that cannot be resumed: {ex.Message} Give another --out folder. Nothing was sent.");
        }
    }
}
