using Microsoft.Extensions.Logging;

namespace SkinLite;

/// <summary>Source-generated log messages. Ids are logged; the credential never is.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Submitted an image on the {Api} family: prediction {PredictionId}, scan {ScanId}.")]
    public static partial void Submitted(ILogger logger, SkinLiteApi api, string predictionId, string? scanId);

    [LoggerMessage(2, LogLevel.Warning, "Submit attempt {Attempt} could not connect; the request never reached the server, retrying in {DelayMs} ms.")]
    public static partial void SubmitRetry(ILogger logger, int attempt, double delayMs, Exception error);

    [LoggerMessage(3, LogLevel.Debug, "Poll {Poll} of prediction {PredictionId}: {Status}.")]
    public static partial void Polled(ILogger logger, int poll, string predictionId, string status);

    [LoggerMessage(4, LogLevel.Warning, "Poll {Poll} of prediction {PredictionId} failed ({Error}); retrying in {DelayMs} ms.")]
    public static partial void PollRetry(ILogger logger, int poll, string predictionId, string error, double delayMs);

    [LoggerMessage(5, LogLevel.Information, "Prediction {PredictionId} ended {Outcome} (status {Status}) after {ElapsedMs} ms and {Polls} polls.")]
    public static partial void Ended(ILogger logger, string predictionId, string outcome, string status, double elapsedMs, int polls);

    [LoggerMessage(6, LogLevel.Warning, "Waiting on prediction {PredictionId} reached its deadline after {ElapsedMs} ms and {Polls} polls (last status {Status}).")]
    public static partial void DeadlineReached(ILogger logger, string predictionId, double elapsedMs, int polls, string? status);

    [LoggerMessage(7, LogLevel.Warning, "Waiting on prediction {PredictionId} stopped after {Polls} polls on an error that retrying cannot fix ({Error}).")]
    public static partial void WaitFailed(ILogger logger, string predictionId, int polls, string error);

    [LoggerMessage(8, LogLevel.Warning, "Submit attempt {Attempt} was refused with {StatusCode}, which proves no job was created; every submit of this client pauses, this one retries in {DelayMs} ms.")]
    public static partial void SubmitThrottled(ILogger logger, int attempt, int statusCode, double delayMs, Exception error);

    [LoggerMessage(9, LogLevel.Debug, "Learned processing times on {Api} from {Jobs} jobs: median {MedianMs} ms, p90 {P90Ms} ms; plan of {PlannedPolls} polls, expecting {ExpectedPolls:0.00} polls and {ExpectedDelayMs:0} ms notice delay per job.")]
    public static partial void PlanLearned(ILogger logger, string api, int jobs, double medianMs, double p90Ms, int plannedPolls, double expectedPolls, double expectedDelayMs);
}
