namespace SkinLite;

/// <summary>What a poll of a job found.</summary>
public enum OutcomeKind
{
    /// <summary>
    /// No outcome: the value of <see langword="default"/>(<see cref="AnalysisOutcome"/>), which no poll, wait or parse
    /// returns. Neither pending nor terminal, with an empty <see cref="AnalysisOutcome.Status"/>; a variable still holding
    /// it was never given an outcome.
    /// </summary>
    None = 0,

    /// <summary>Not finished: keep polling. <see cref="AnalysisOutcome.Status"/> says where the job is.</summary>
    Pending = 1,

    /// <summary>Finished with an analysis: <see cref="AnalysisOutcome.Result"/> holds it.</summary>
    Succeeded = 2,

    /// <summary>The service refused the image (HTTP 200, <c>SUCCESS</c>, with <c>output.error</c>): see <see cref="AnalysisOutcome.RejectionReason"/>.</summary>
    Rejected = 3,

    /// <summary>The job failed (<c>FAILURE</c> or <c>FAILED</c>): <see cref="AnalysisOutcome.Message"/> says why.</summary>
    Failed = 4,
}
