using System.CommandLine;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Input;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;
using SkinLite.Imaging;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite analyze &lt;image&gt;</c>: fit (or preflight), submit, wait with progress, print.</summary>
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
        var image = new Argument<string>("image") { Description = "The face image: JPEG, PNG or WebP, straight from a phone; fitted to the service's rules (upright, at most 2048 pixels a side, under 5 MB, no metadata) unless --no-fit." };
        var connection = new ConnectionOptions(offerEmulator: true);
        Option<TimeSpan?> timeout = CommonOptions.Timeout("The most the whole command may take, upload and wait included, e.g. 90s or 10m (default: the upload 2m, the wait 10m).");
        Option<bool> json = CommonOptions.Json();
        Option<bool> quiet = CommonOptions.Quiet();
        var noPreflight = new Option<bool>("--no-preflight") { Description = "Skip the local image checks and let the service judge the image (implies --no-fit)." };
        Option<bool> noFit = FitOptions.NoFit();
        Option<bool> keepMetadata = FitOptions.KeepMetadata();
        Option<string?> saveDocument = SavedDocument.Option();
        Option<string?> save = SaveOptions.Save("Save the service's document and every image it references (input, masks, zones, each concern's image) to this folder, with manifest.json; created if missing.");
        Option<bool> report = SaveOptions.Report("Also write report.html into the --save folder: one self-contained page that works offline and prints to PDF.");

        var command = new Command("analyze", "Check a face image, submit it, wait for the analysis and print it.") { image };
        connection.AddTo(command);
        command.Options.Add(timeout);
        command.Options.Add(noFit);
        command.Options.Add(keepMetadata);
        command.Options.Add(noPreflight);
        command.Options.Add(saveDocument);
        command.Options.Add(save);
        command.Options.Add(report);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => RunAsync(
                parse.GetRequiredValue(image),
                connection.Resolve(parse),
                parse.GetValue(timeout),
                parse.GetValue(noPreflight),
                parse.GetValue(noFit) ? null : new ImageFitOptions { KeepMetadata = parse.GetValue(keepMetadata) },
                ResultOutputs.Prepare(parse.GetValue(saveDocument), parse.GetValue(save), parse.GetValue(report)),
                new OutcomePrinter(parse.GetValue(json)),
                parse.GetValue(quiet),
                cancellationToken),
            cancellationToken));
        return command;
    }

    /// <param name="fit">How to fit the image; null sends it as it is (--no-fit or --no-preflight).</param>
    private static async Task<int> RunAsync(string path, ConnectionSettings settings, TimeSpan? timeout, bool skipPreflight, ImageFitOptions? fit, ResultOutputs outputs, OutcomePrinter printer, bool quiet, CancellationToken cancellationToken)
    {
        using FittedImage? fitted = Prepare(path, skipPreflight, fit, quiet);
        printer.Fit = fitted is null ? null : FitDocument.From(fitted.Report);

        if (settings.UseEmulator)
        {
            Terminal.Error($"Using the built-in emulator, whose results are synthetic ({settings.EmulatorReason}).");
        }

        using var deadline = new CommandDeadline(timeout, cancellationToken);
        using ServiceConnection connection = ServiceConnection.Open(settings, skipPreflight, recordDocuments: outputs.NeedsDocument);
        using var progress = new ProgressReporter(connection.Counter, quiet);
        SkinAnalysisJob job;
        try
        {
            job = fitted is null
                ? await connection.Client.SubmitAsync(path, deadline.Token).ConfigureAwait(false)
                : await connection.Client.SubmitAsync(fitted, deadline.Token).ConfigureAwait(false);
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
        return await JobWaiter.WaitAsync(connection, job, progress, printer, deadline, outputs, quiet, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The local checks: the file, then fitting (or, with --no-fit, the service's rules as they are).</summary>
    /// <returns>The fitted image to send, or null to send the file as it is.</returns>
    private static FittedImage? Prepare(string path, bool skipPreflight, ImageFitOptions? fit, bool quiet)
    {
        if (skipPreflight)
        {
            ImageInput.EnsureReadableFile(path);
            return null;
        }

        if (fit is null)
        {
            ImagePreflightResult preflight = ImageInput.Preflight(path);
            return preflight.IsValid ? null : throw new BadInputException(ImageInput.Describe(path, preflight) + " Nothing was sent.");
        }

        FittedImage fitted = PhotoFitting.Fit(path, PhotoFitting.Read(path), fit, "Nothing was sent.");
        if (fitted.Report.Changed && !quiet)
        {
            Terminal.Error(fitted.Report.ToString());
        }

        return fitted;
    }
}
