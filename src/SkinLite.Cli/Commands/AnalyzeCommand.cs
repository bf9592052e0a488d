using System.CommandLine;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Input;
using SkinLite.Cli.Output;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite analyze &lt;image&gt;</c>: preflight, submit, wait with progress, print.</summary>
internal static class AnalyzeCommand
{
    /// <summary>
    /// Every code: a bad image or option (2); the job's outcome (0, 3, 4) or the wait's end (5); the service refusing
    /// the key (6) or failing (7); Ctrl-C (130).
    /// </summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } =
    [
        ExitCodes.Succeeded, ExitCodes.BadInput, ExitCodes.Rejected, ExitCodes.JobFailed, ExitCodes.NotFinished,
        ExitCodes.AuthenticationFailed, ExitCodes.ServiceError, ExitCodes.Cancelled,
    ];

    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "The face image: PNG or JPEG, 1024 to 2048 pixels a side, at most 5 MB." };
        var connection = new ConnectionOptions(offerEmulator: true);
        Option<TimeSpan?> timeout = CommonOptions.Timeout("The most the whole command may take, upload and wait included, e.g. 90s or 10m (default: the upload 2m, the wait 10m).");
        Option<bool> json = CommonOptions.Json();
        Option<bool> quiet = CommonOptions.Quiet();
        var noPreflight = new Option<bool>("--no-preflight") { Description = "Skip the local image checks and let the service judge the image." };
        Option<string?> saveDocument = SavedDocument.Option();

        var command = new Command("analyze", "Check a face image, submit it, wait for the analysis and print it.") { image };
        connection.AddTo(command);
        command.Options.Add(timeout);
        command.Options.Add(noPreflight);
        command.Options.Add(saveDocument);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => RunAsync(
                parse.GetRequiredValue(image),
                connection.Resolve(parse),
                parse.GetValue(timeout),
                parse.GetValue(noPreflight),
                parse.GetValue(saveDocument),
                new OutcomePrinter(parse.GetValue(json)),
                parse.GetValue(quiet),
                cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, ConnectionSettings settings, TimeSpan? timeout, bool skipPreflight, string? saveDocument, OutcomePrinter printer, bool quiet, CancellationToken cancellationToken)
    {
        if (skipPreflight)
        {
            ImageInput.EnsureReadableFile(path);
        }
        else
        {
            ImagePreflightResult preflight = ImageInput.Preflight(path);
            if (!preflight.IsValid)
            {
                throw new BadInputException(ImageInput.Describe(path, preflight) + " Nothing was sent.");
            }
        }

        SavedDocument? save = SavedDocument.Prepare(saveDocument);
        if (settings.UseEmulator)
        {
            Terminal.Error($"Using the built-in emulator, whose results are synthetic ({settings.EmulatorReason}).");
        }

        using var deadline = new CommandDeadline(timeout, cancellationToken);
        using ServiceConnection connection = ServiceConnection.Open(settings, skipPreflight, recordDocuments: save is not null);
        using var progress = new ProgressReporter(connection.Counter, quiet);
        SkinAnalysisJob job;
        try
        {
            job = await connection.Client.SubmitAsync(path, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            progress.Stop("timed out");
            string message = $"The submit got no answer within {deadline.Describe()}. {SkinLiteException.JobMayExistNote} No ids were received, so it cannot be resumed from here.";
            return printer.Print(OutcomeReport.ForCommandTimeout(message, new JobIds(settings.AppId, null, null), settings.UseEmulator, jobMayExist: true));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Stop("cancelled");
            Terminal.Error($"Cancelled during the submit. {SkinLiteException.JobMayExistNote}");
            return ExitCodes.Cancelled;
        }
        catch (SkinLiteException error) when (error.JobMayExist)
        {
            progress.Stop("submit failed");
            return printer.Print(OutcomeReport.ForUncertainSubmit(error, settings.AppId, settings.UseEmulator));
        }

        progress.Submitted(job);
        return await JobWaiter.WaitAsync(connection, job, progress, printer, deadline, save, cancellationToken).ConfigureAwait(false);
    }
}
