namespace SkinLite;

/// <summary>Where one image of a batch ended.</summary>
public enum BatchItemStatus
{
    /// <summary>The analysis finished: <see cref="BatchItemResult.Outcome"/> holds it.</summary>
    Succeeded,

    /// <summary>The service refused the image (no face, too small, ...): <see cref="BatchItemResult.Reason"/> says why.</summary>
    Rejected,

    /// <summary>The job failed on the service's side. Not retried automatically: it was paid for.</summary>
    Failed,

    /// <summary>Refused here, before anything was sent (the file is missing, unreadable, or breaks a rule that fitting cannot fix).</summary>
    Refused,

    /// <summary>
    /// The job was created (its handle is <see cref="BatchItemResult.Job"/>) but the wait ended first: the polling deadline,
    /// the batch's cancellation grace, or an error while polling. A resume waits on it again; it is never resubmitted.
    /// </summary>
    Unfinished,

    /// <summary>
    /// The submit may have reached the service, and been paid for, without its answer being heard (a dropped connection,
    /// a timeout, or a journal saying <c>submitting</c> with no ids). Not resubmitted unless <see cref="BatchOptions.ResubmitUncertain"/>.
    /// </summary>
    Uncertain,

    /// <summary>Never sent: <see cref="BatchItemResult.StopReason"/> says why (the budget, the usage limit, the key, the caller, or a submit the service refused).</summary>
    NotSubmitted,
}
