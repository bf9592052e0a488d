namespace SkinLite;

/// <summary>What a batch does with an image when it resumes from its journal.</summary>
internal enum ResumeAction
{
    /// <summary>Not journaled, or journaled as never sent (refused here, or not submitted): prepare and submit it.</summary>
    Submit = 1,

    /// <summary>Finished: nothing to do (report what the journal says).</summary>
    Skip = 2,

    /// <summary>Submitted, no outcome journaled: wait for the job of <see cref="ResumeDecision.Job"/>; never submit again.</summary>
    Wait = 3,

    /// <summary>A submit was started and its answer never journaled: it may have been paid for. Skip it and list it; submit
    /// again only when the user asks (resubmit uncertain).</summary>
    Uncertain = 4,
}

/// <summary>
/// The resume rule for one image (docs/batch.md has the table): what to do, the job to wait for, the journal entry it
/// came from, and whether the file changed since the journal last saw its path.
/// </summary>
/// <param name="Action">What to do.</param>
/// <param name="Job">The job handle to wait for (<see cref="ResumeAction.Wait"/>).</param>
/// <param name="Entry">The journal's entry for this path and content, if any.</param>
/// <param name="ChangedSinceJournaled">True when the journal knows the path with other content only: the file changed,
/// and the new content is a new image.</param>
internal readonly record struct ResumeDecision(ResumeAction Action, SkinAnalysisJob? Job, JournalImage? Entry, bool ChangedSinceJournaled)
{
    /// <summary>Decides what to do with the image at <paramref name="path"/> whose content hashes to <paramref name="hash"/>.</summary>
    /// <param name="journal">The replayed journal.</param>
    /// <param name="path">The image's path, spelled as the batch journals it.</param>
    /// <param name="hash">The SHA-256 of the file now.</param>
    /// <param name="resubmitUncertain">True only when the user asked to submit uncertain images again (each may be paid twice).</param>
    public static ResumeDecision Decide(JournalState journal, string path, ContentHash hash, bool resubmitUncertain)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(path);
        JournalImage? entry = journal.StateOf(path, hash);
        if (entry is null)
        {
            return new ResumeDecision(ResumeAction.Submit, null, null, ChangedSinceJournaled: journal.LatestOf(path) is not null);
        }

        return entry.State switch
        {
            JournalEntryState.Finished => new ResumeDecision(ResumeAction.Skip, entry.Job, entry, false),
            // Refused here, never sent: checking it again is free, and the settings may have changed (fitting turned on).
            JournalEntryState.Refused => new ResumeDecision(ResumeAction.Submit, null, entry, false),
            JournalEntryState.Submitted => new ResumeDecision(ResumeAction.Wait, entry.Job, entry, false),
            JournalEntryState.Uncertain => new ResumeDecision(resubmitUncertain ? ResumeAction.Submit : ResumeAction.Uncertain, null, entry, false),
            _ => new ResumeDecision(ResumeAction.Submit, null, entry, false),
        };
    }
}
