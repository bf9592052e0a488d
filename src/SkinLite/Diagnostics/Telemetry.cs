using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SkinLite;

/// <summary>The library's one activity source and meter, and the instruments the client records into.</summary>
internal static class Telemetry
{
    public static readonly ActivitySource Source = new(SkinLiteDiagnostics.ActivitySourceName, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(SkinLiteDiagnostics.MeterName, typeof(Telemetry).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Polls = Meter.CreateCounter<long>("skinlite.polls", "{poll}", "Result polls answered, by job status.");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("skinlite.outcomes", "{job}", "Jobs that ended, by outcome.");
    private static readonly Histogram<double> TimeToResult = Meter.CreateHistogram<double>("skinlite.time_to_result", "s", "Time from the start of a wait to the job's end.");
    private static readonly Histogram<double> ProcessingTime = Meter.CreateHistogram<double>("skinlite.processing_time", "s", "Processing times the adaptive polling learned (the middle of each job's end interval, from the submit's answer).");

    public static void RecordPoll(JobStatus status)
    {
        if (Polls.Enabled)
        {
            Polls.Add(1, new KeyValuePair<string, object?>("skinlite.status", StatusTag(status)));
        }
    }

    /// <summary>The documented statuses as they are; any other becomes <c>other</c>, so a server's new spellings cannot grow the metric's series without bound.</summary>
    private static string StatusTag(JobStatus status) =>
        status == JobStatus.Accepted || status == JobStatus.Preparing || status == JobStatus.Processing ||
        status == JobStatus.Success || status == JobStatus.Failure || status == JobStatus.Failed
            ? status.Value
            : "other";

    public static void RecordOutcome(OutcomeKind kind, TimeSpan elapsed)
    {
        if (Outcomes.Enabled || TimeToResult.Enabled)
        {
            var tag = new KeyValuePair<string, object?>("skinlite.outcome", KindName(kind));
            Outcomes.Add(1, tag);
            TimeToResult.Record(elapsed.TotalSeconds, tag);
        }
    }

    public static void RecordProcessingTime(string api, double seconds)
    {
        if (ProcessingTime.Enabled)
        {
            ProcessingTime.Record(seconds, new KeyValuePair<string, object?>("skinlite.api", api));
        }
    }

    public static void TagJob(Activity? activity, SkinAnalysisJob job)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("skinlite.api", job.Api.ToString());
        activity.SetTag("skinlite.app_id", job.AppId);
        activity.SetTag("skinlite.scan_id", job.ScanId);
        activity.SetTag("skinlite.prediction_id", job.PredictionId);
    }

    public static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.None => "none",
        OutcomeKind.Pending => "pending",
        OutcomeKind.Succeeded => "succeeded",
        OutcomeKind.Rejected => "rejected",
        OutcomeKind.Failed => "failed",
        _ => "unknown",
    };
}
