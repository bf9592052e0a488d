namespace SkinLite.Cli.Output;

/// <summary>
/// What <c>skinlite batch --json</c> prints on stdout at the end: <c>outcome</c> is complete (every image has a final
/// outcome), incomplete (some are unfinished, uncertain or not submitted) or cancelled. The field names are an external contract.
/// </summary>
internal sealed class BatchSummaryDocument
{
    public required string Outcome { get; init; }

    /// <summary>The --out folder.</summary>
    public required string Out { get; init; }

    /// <summary>Every image with a result in this run (skipped ones included).</summary>
    public int Images { get; init; }

    /// <summary>Images by outcome: succeeded, rejected, failed, refused, unfinished, uncertain, notSubmitted (every key present).</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>Rejected and refused images by reason (camelCase, as <c>reason</c> in results.jsonl).</summary>
    public required IReadOnlyDictionary<string, int> Reasons { get; init; }

    /// <summary>Images not submitted, by why: budget, usageLimit, authentication, cancelled, submitRefused.</summary>
    public required IReadOnlyDictionary<string, int> NotSubmittedReasons { get; init; }

    /// <summary>Why submitting stopped before the end (authentication, usageLimit, budget, cancelled), or null.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Images an earlier run had finished, skipped by this one.</summary>
    public int FromEarlierRuns { get; init; }

    /// <summary>Submits this run made: each a paid analysis, or one that may have been paid for.</summary>
    public int AnalysesPaid { get; init; }

    /// <summary>The credits this run's jobs consumed, when the service said; null otherwise.</summary>
    public int? Credits { get; init; }

    /// <summary>The paths of the images whose submit may have been paid for without an answer.</summary>
    public required IReadOnlyList<string> UncertainImages { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>Images that ended in this run per minute (skipped ones not counted).</summary>
    public double ImagesPerMinute { get; init; }

    /// <summary>The command that picks the batch up again, when anything is left; null when it is complete.</summary>
    public string? Resume { get; init; }

    public bool Emulated { get; init; }

    /// <summary>The process's exit code.</summary>
    public int ExitCode { get; init; }
}
