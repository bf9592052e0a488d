using System.CommandLine;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;

namespace SkinLite.Cli.Commands;

/// <summary>
/// <c>skinlite result &lt;scanId&gt; &lt;predictionId&gt;</c> (the prediction id alone on the transformation family):
/// fetch a job's outcome once, or with --wait to the end. This is how a timed-out or interrupted analyze resumes.
/// </summary>
internal static class ResultCommand
{
    /// <summary>
    /// Every code, as analyze: bad ids or options (2); the job's outcome (0, 3, 4), not finished yet or the wait's end
    /// (5); the service refusing the key (6) or failing (7); Ctrl-C (130).
    /// </summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } =
    [
        ExitCodes.Succeeded, ExitCodes.BadInput, ExitCodes.Rejected, ExitCodes.JobFailed, ExitCodes.NotFinished,
        ExitCodes.AuthenticationFailed, ExitCodes.ServiceError, ExitCodes.Cancelled,
    ];

    public static Command Create()
    {
        // Two arguments rather than one list of ids, so that the usage line and the argument list name the same two
        // things; the second is optional because the transformation family has no scan id.
        var scanId = new Argument<string>("scanId")
        {
            Description = "The scan id, as analyze printed it; on the transformation family, which has no scan ids, the prediction id alone.",
        };
        var predictionId = new Argument<string?>("predictionId")
        {
            Description = "The prediction id, as analyze printed it (not given on the transformation family).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var connection = new ConnectionOptions(offerEmulator: false);
        var wait = new Option<bool>("--wait") { Description = "Poll until the job ends instead of fetching once." };
        Option<TimeSpan?> timeout = CommonOptions.Timeout("The most the command may take, e.g. 90s or 10m (default: one fetch 30s; with --wait, 10m).");
        Option<string?> saveDocument = SavedDocument.Option();
        Option<string?> save = SaveOptions.Save("Save the service's document and every image it references to this folder, with manifest.json; a second run downloads only what is missing.");
        Option<bool> report = SaveOptions.Report("Also write report.html into the --save folder: one self-contained page that works offline and prints to PDF.");
        Option<bool> json = CommonOptions.Json();
        Option<bool> quiet = CommonOptions.Quiet();

        var command = new Command("result", "Fetch the outcome of a submitted job, once or (--wait) to the end.") { scanId, predictionId };
        connection.AddTo(command);
        command.Options.Add(wait);
        command.Options.Add(timeout);
        command.Options.Add(saveDocument);
        command.Options.Add(save);
        command.Options.Add(report);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () =>
            {
                ConnectionSettings settings = connection.Resolve(parse);
                string first = parse.GetRequiredValue(scanId);
                string? second = parse.GetValue(predictionId);
                SkinAnalysisJob job = JobFrom(settings, second is null ? [first] : [first, second]);
                var outputs = ResultOutputs.Prepare(parse.GetValue(saveDocument), parse.GetValue(save), parse.GetValue(report));
                return RunAsync(settings, job, parse.GetValue(wait), parse.GetValue(timeout), outputs, new OutcomePrinter(parse.GetValue(json)), parse.GetValue(quiet), cancellationToken);
            },
            cancellationToken));
        return command;
    }

    private static SkinAnalysisJob JobFrom(ConnectionSettings settings, string[] ids)
    {
        if (!settings.Api.UsesScanId())
        {
            return ids.Length == 1
                ? new SkinAnalysisJob { Api = settings.Api, PredictionId = ids[0] }
                : throw new BadInputException($"The {ApiNames.Of(settings.Api)} family has no scan id: give the prediction id alone, not {ids.Length} ids.");
        }

        return ids.Length == 2
            ? new SkinAnalysisJob { Api = settings.Api, AppId = settings.AppId, ScanId = ids[0], PredictionId = ids[1] }
            : throw new BadInputException($"The {ApiNames.Of(settings.Api)} family needs both ids: skinlite result <scanId> <predictionId>.");
    }

    private static async Task<int> RunAsync(ConnectionSettings settings, SkinAnalysisJob job, bool wait, TimeSpan? timeout, ResultOutputs outputs, OutcomePrinter printer, bool quiet, CancellationToken cancellationToken)
    {
        using var deadline = new CommandDeadline(timeout, cancellationToken);
        using ServiceConnection connection = ServiceConnection.Open(settings, skipPreflight: true, recordDocuments: outputs.NeedsDocument);
        if (!wait)
        {
            AnalysisOutcome outcome;
            try
            {
                outcome = await connection.Client.GetOutcomeAsync(job, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
                outputs.NotWritten("the service sent no complete answer");
                string message = $"The service sent no complete answer within {deadline.Describe()}; the job itself is not affected.";
                return printer.Print(OutcomeReport.ForCommandTimeout(message, JobIds.From(job), emulated: false, jobMayExist: false));
            }

            int code = printer.Print(OutcomeReport.From(outcome, JobIds.From(job), emulated: false));
            return await outputs.WriteAsync(connection, outcome, connection.Recorder?.Last, JobIds.From(job), code, quiet, cancellationToken).ConfigureAwait(false);
        }

        using var progress = new ProgressReporter(connection.Counter, quiet);
        return await JobWaiter.WaitAsync(connection, job, progress, printer, deadline, outputs, quiet, cancellationToken).ConfigureAwait(false);
    }
}
