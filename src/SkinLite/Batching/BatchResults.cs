namespace SkinLite;

/// <summary>The <see cref="BatchItemResult"/> of each way an image can end, in one place so every path words them alike.</summary>
internal static class BatchResults
{
    public static BatchItemResult Outcome(string path, ContentHash hash, SkinAnalysisJob job, in AnalysisOutcome outcome, byte[]? document, string? note, bool submitted, bool changed) =>
        new(path, StatusOf(outcome.Kind))
        {
            ContentHash = hash.ToString(),
            Outcome = outcome,
            Job = job,
            Reason = outcome.RejectionReason,
            Message = outcome.Message,
            ConsumedCredits = outcome.ConsumedCredits,
            Document = document,
            Note = note,
            Submitted = submitted,
            ChangedSinceJournaled = changed,
        };

    /// <summary>An image a resume skips or leaves alone: what the journal says of it.</summary>
    public static BatchItemResult FromJournal(string path, JournalImage entry) => entry.State switch
    {
        JournalEntryState.Finished when entry.Outcome is { } outcome => new(path, StatusOf(outcome.Kind))
        {
            ContentHash = entry.Hash.ToString(),
            Job = entry.Job,
            Reason = outcome.Reason,
            Message = outcome.Message,
            ConsumedCredits = outcome.ConsumedCredits,
            FromJournal = true,
        },
        JournalEntryState.Refused => new(path, BatchItemStatus.Refused)
        {
            ContentHash = entry.Hash.ToString(),
            Reason = entry.RefusedReason,
            Message = entry.Note,
            FromJournal = true,
        },
        _ => new(path, BatchItemStatus.Uncertain)
        {
            ContentHash = entry.Hash.ToString(),
            Message = "An earlier run started to submit this image and never heard the answer: it may have been analysed and paid for. It is not submitted again unless asked (BatchOptions.ResubmitUncertain, --resubmit-uncertain).",
            FromJournal = true,
        },
    };

    public static BatchItemResult Refused(string path, ContentHash? hash, RejectionReason reason, string message, string? note = null, bool changed = false) =>
        new(path, BatchItemStatus.Refused)
        {
            ContentHash = hash?.ToString(),
            Reason = reason,
            Message = message,
            Note = note,
            ChangedSinceJournaled = changed,
        };

    public static BatchItemResult NotSubmitted(string path, ContentHash? hash, BatchStopReason why, Exception? error = null, bool changed = false) =>
        new(path, BatchItemStatus.NotSubmitted)
        {
            ContentHash = hash?.ToString(),
            StopReason = why,
            Message = error?.Message ?? Describe(why),
            Error = error,
            ChangedSinceJournaled = changed,
        };

    public static BatchItemResult Uncertain(string path, ContentHash hash, Exception error, bool changed) =>
        new(path, BatchItemStatus.Uncertain)
        {
            ContentHash = hash.ToString(),
            Message = $"{error.Message} The submit may have reached the service and been paid for; it is not submitted again unless asked (BatchOptions.ResubmitUncertain, --resubmit-uncertain).",
            Error = error,
            Submitted = true,
            ChangedSinceJournaled = changed,
        };

    public static BatchItemResult Unfinished(string path, ContentHash hash, SkinAnalysisJob job, string message, Exception? error, bool submitted, bool changed) =>
        new(path, BatchItemStatus.Unfinished)
        {
            ContentHash = hash.ToString(),
            Job = job,
            Message = message,
            Error = error,
            Submitted = submitted,
            ChangedSinceJournaled = changed,
        };

    /// <summary>The batch status of a terminal outcome, received now or read from the journal.</summary>
    private static BatchItemStatus StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => BatchItemStatus.Succeeded,
        OutcomeKind.Rejected => BatchItemStatus.Rejected,
        _ => BatchItemStatus.Failed,
    };

    public static string Describe(BatchStopReason why) => why switch
    {
        BatchStopReason.Budget => "Not submitted: the batch's budget (BatchOptions.MaxAnalyses or MaxCredits) is spent.",
        BatchStopReason.UsageLimit => "Not submitted: the account's usage limit is used up (403 Usage Limit Exceeded).",
        BatchStopReason.Authentication => "Not submitted: the service refused the key.",
        BatchStopReason.Cancelled => "Not submitted: the batch was cancelled first.",
        BatchStopReason.SubmitRefused => "Not submitted: the service refused the submit.",
        _ => "Not submitted.",
    };
}
