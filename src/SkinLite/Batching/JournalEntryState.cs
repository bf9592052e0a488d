namespace SkinLite;

/// <summary>Where an image (path and content hash) stands after a batch journal is replayed: its last record decides.</summary>
internal enum JournalEntryState
{
    /// <summary>The last record is <c>submitting</c>: the submit may or may not have reached the service, so it may have been
    /// paid for. Never submitted again automatically.</summary>
    Uncertain = 1,

    /// <summary>The last record is <c>submitted</c>: the service took it and gave ids (<see cref="JournalImage.Job"/>); resume
    /// by waiting for the outcome, never by a second submit.</summary>
    Submitted = 2,

    /// <summary>The last record is <c>outcome</c>: succeeded, rejected or failed (<see cref="JournalImage.Outcome"/>).</summary>
    Finished = 3,

    /// <summary>The last record is <c>refused</c>: refused locally (the preflight) and never sent.</summary>
    Refused = 4,

    /// <summary>The last record is <c>not-submitted</c>: skipped (budget, quota) and never sent.</summary>
    NotSubmitted = 5,
}
