using System.Text.Json.Serialization;

namespace SkinLite.Cli.Output;

/// <summary>
/// What a command learned about one job, in the shape --json prints: <c>outcome</c> is succeeded, rejected, failed,
/// timeout, pending (a single fetch of an unfinished job), or unknown (a submit failed after it may have created a job;
/// <c>jobMayExist</c> is then true). The field names are an external contract.
/// </summary>
internal sealed class OutcomeReport
{
    public const string Succeeded = "succeeded";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Pending = "pending";
    public const string Unknown = "unknown";

    /// <summary>Every value <see cref="Outcome"/> takes.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [Succeeded, Rejected, Failed, Timeout, Pending, Unknown];

    public required string Outcome { get; init; }

    public string? AppId { get; init; }

    public string? ScanId { get; init; }

    public string? PredictionId { get; init; }

    public string? Status { get; init; }

    /// <summary>The rejection reason in camelCase (<c>noFaceDetected</c>, <c>resolutionTooSmall</c>, ...), for rejections only.</summary>
    public string? Reason { get; init; }

    /// <summary>The service's message, for rejections and failures.</summary>
    public string? Message { get; init; }

    public AnalysisDocument? Result { get; init; }

    public bool Emulated { get; init; }

    /// <summary>A submit failed or ran out of time after its request may have reached the service: the job may exist and may be billed.</summary>
    public bool JobMayExist { get; init; }

    /// <summary>What fitting did to the image analyze sent; null for the other commands and for --no-fit. Set by the printer.</summary>
    public FitDocument? Fit { get; set; }

    public static OutcomeReport From(AnalysisOutcome outcome, JobIds ids, bool emulated)
    {
        SkinAnalysis? analysis = outcome.TryGetResult(out SkinAnalysis? result) ? result : null;
        return new OutcomeReport
        {
            Outcome = outcome.Kind switch
            {
                OutcomeKind.Succeeded => Succeeded,
                OutcomeKind.Rejected => Rejected,
                OutcomeKind.Failed => Failed,
                OutcomeKind.Pending => Pending,
                _ => throw new ArgumentException($"There is no outcome to report: {outcome}.", nameof(outcome)),
            },
            AppId = ids.AppId,
            ScanId = ids.ScanId,
            PredictionId = ids.PredictionId,
            Status = outcome.Status.Value,
            Reason = outcome.IsRejected ? CamelCase(outcome.RejectionReason.ToString()) : null,
            Message = outcome.IsRejected || outcome.IsFailed ? outcome.Message : null,
            Result = analysis is null ? null : AnalysisDocument.From(analysis),
            Emulated = emulated || (analysis?.IsEmulated ?? false),
        };
    }

    public static OutcomeReport ForTimeout(SkinLiteWaitTimeoutException timeout, JobIds ids, bool emulated) => new()
    {
        Outcome = Timeout,
        AppId = ids.AppId,
        ScanId = ids.ScanId,
        PredictionId = ids.PredictionId,
        Status = timeout.LastStatus?.Value,
        Message = SingularPoll(timeout),
        Emulated = emulated,
    };

    /// <summary>The command's own --timeout ended it before the job did (or, during a submit, before its ids were known).</summary>
    public static OutcomeReport ForCommandTimeout(string message, JobIds ids, bool emulated, bool jobMayExist) => new()
    {
        Outcome = Timeout,
        AppId = ids.AppId,
        ScanId = ids.ScanId,
        PredictionId = ids.PredictionId,
        Message = message,
        Emulated = emulated,
        JobMayExist = jobMayExist,
    };

    /// <summary>A submit failed after its request may have reached the service; no ids are known.</summary>
    public static OutcomeReport ForUncertainSubmit(SkinLiteException error, string? appId, bool emulated) => new()
    {
        Outcome = Unknown,
        AppId = appId,
        Message = error.Message,
        Emulated = emulated,
        JobMayExist = true,
    };

    [JsonIgnore]
    public int ExitCode => Outcome switch
    {
        Succeeded => ExitCodes.Succeeded,
        Rejected => ExitCodes.Rejected,
        Failed => ExitCodes.JobFailed,
        Unknown => ExitCodes.ServiceError,
        _ => ExitCodes.NotFinished,
    };

    /// <summary>The library's message says "(1 polls, ...)" after a single poll; the command line says "1 poll".</summary>
    private static string SingularPoll(SkinLiteWaitTimeoutException timeout) =>
        timeout.Polls == 1 ? timeout.Message.Replace("(1 polls,", "(1 poll,", StringComparison.Ordinal) : timeout.Message;

    internal static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
