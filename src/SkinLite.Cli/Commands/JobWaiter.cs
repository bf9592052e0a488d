using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;

namespace SkinLite.Cli.Commands;

/// <summary>Waits on a job with progress and prints its outcome; shared by analyze and result --wait.</summary>
internal static class JobWaiter
{
    /// <param name="deadline">The command's --timeout: the wait gets what is left of it.</param>
    /// <param name="outputs">--save-document, --save and --report: where the final document goes, if anywhere.</param>
    public static async Task<int> WaitAsync(ServiceConnection connection, SkinAnalysisJob job, ProgressReporter progress, OutcomePrinter printer, CommandDeadline deadline, ResultOutputs outputs, bool quiet, CancellationToken cancellationToken)
    {
        JobIds ids = JobIds.From(job);
        bool emulated = connection.Settings.UseEmulator;
        try
        {
            AnalysisOutcome last = default;
            await foreach (AnalysisOutcome outcome in connection.Client.WatchAsync(job, connection.PollingWithin(deadline.Remaining), cancellationToken).ConfigureAwait(false))
            {
                progress.Observed(ProgressReporter.StatusOf(outcome));
                last = outcome;
            }

            progress.Stop(ProgressReporter.StatusOf(last));
            int code = printer.Print(OutcomeReport.From(last, ids, emulated));
            return await outputs.WriteAsync(connection, last, connection.Recorder?.Last, ids, code, quiet, cancellationToken).ConfigureAwait(false);
        }
        catch (SkinLiteWaitTimeoutException timeout)
        {
            progress.Stop("timed out");
            outputs.NotWritten("the job had not ended");
            int code = printer.Print(OutcomeReport.ForTimeout(timeout, ids, emulated));
            Terminal.Error(ResumeHint.For(connection.Settings, ids, outputs.ResumeOptions));
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Stop("cancelled");
            Terminal.Error($"Cancelled while waiting; the job itself goes on. {ResumeHint.For(connection.Settings, ids, outputs.ResumeOptions)}");
            return ExitCodes.Cancelled;
        }
    }
}
