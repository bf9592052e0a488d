namespace SkinLite;

/// <summary>The terminal outcome of a journaled image, as the journal keeps it (not the analysis itself).</summary>
/// <param name="Kind">Succeeded, rejected or failed.</param>
/// <param name="Reason">Why the service rejected the image (<see cref="RejectionReason.None"/> unless rejected).</param>
/// <param name="Message">The service's message, if any.</param>
/// <param name="ConsumedCredits">The credits the analysis consumed, when known.</param>
internal readonly record struct JournalOutcome(OutcomeKind Kind, RejectionReason Reason, string? Message, int? ConsumedCredits)
{
    /// <summary>The journal's form of a terminal outcome.</summary>
    /// <exception cref="ArgumentException">The outcome is not terminal (pending or none).</exception>
    public static JournalOutcome From(in AnalysisOutcome outcome, int? consumedCredits = null)
    {
        if (!outcome.IsTerminal)
        {
            throw new ArgumentException($"Only a terminal outcome is journaled; this one is {outcome.Kind}.", nameof(outcome));
        }

        return new JournalOutcome(outcome.Kind, outcome.RejectionReason, outcome.Message, consumedCredits);
    }
}
