namespace SkinLite;

/// <summary>What a poll of a job found.</summary>
public enum OutcomeKind
{
    /// <summary>Not finished: keep polling. <see cref="AnalysisOutcome.Status"/> says where the job is.</summary>
    Pending = 0,

    /// <summary>Finished with an analysis: <see cref="AnalysisOutcome.Result"/> holds it.</summary>
    Succeeded = 1,

    /// <summary>The service refused the image (HTTP 200, <c>SUCCESS</c>, with <c>output.error</c>): see <see cref="AnalysisOutcome.RejectionReason"/>.</summary>
    Rejected = 2,

    /// <summary>The job failed (<c>FAILURE</c> or <c>FAILED</c>): <see cref="AnalysisOutcome.Message"/> says why.</summary>
    Failed = 3,
}
