namespace SkinLite;

/// <summary>What happened to one image of a batch; yielded by <see cref="SkinLiteClient.AnalyzeManyAsync(IAsyncEnumerable{string}, BatchOptions?, CancellationToken)"/> as it ends.</summary>
public sealed class BatchItemResult
{
    internal BatchItemResult(string path, BatchItemStatus status)
    {
        Path = path;
        Status = status;
    }

    /// <summary>The image file, as the batch was given it.</summary>
    public string Path { get; }

    /// <summary>Where the image ended.</summary>
    public BatchItemStatus Status { get; }

    /// <summary>The SHA-256 of the file's bytes (64 lower-case hex digits), as journaled; <see langword="null"/> when the file was never read.</summary>
    public string? ContentHash { get; internal init; }

    /// <summary>
    /// The terminal outcome when this run received it (<see cref="BatchItemStatus.Succeeded"/>, <see cref="BatchItemStatus.Rejected"/>
    /// or <see cref="BatchItemStatus.Failed"/>); <see langword="default"/> otherwise, and when <see cref="FromJournal"/>.
    /// </summary>
    public AnalysisOutcome Outcome { get; internal init; }

    /// <summary>The job's handle, when a job was created: keep it to fetch the result later; <see langword="null"/> otherwise.</summary>
    public SkinAnalysisJob? Job { get; internal init; }

    /// <summary>Why the image was rejected or refused; <see cref="RejectionReason.None"/> otherwise.</summary>
    public RejectionReason Reason { get; internal init; }

    /// <summary>What went wrong, in words: the service's message, the local refusal, or why the image was not finished or not sent.</summary>
    public string? Message { get; internal init; }

    /// <summary>Why the image was not submitted (<see cref="BatchItemStatus.NotSubmitted"/>); <see cref="BatchStopReason.None"/> otherwise.</summary>
    public BatchStopReason StopReason { get; internal init; }

    /// <summary>The credits the finished job cost, when its document said.</summary>
    public int? ConsumedCredits { get; internal init; }

    /// <summary>
    /// The service's own result document (the body the outcome was read from), when <see cref="BatchOptions.KeepDocuments"/>
    /// and this run received the outcome; empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> Document { get; internal init; }

    /// <summary>What the <see cref="BatchOptions.Prepare"/> step said it did to the image (e.g. fitting), when anything.</summary>
    public string? Note { get; internal init; }

    /// <summary>
    /// Whether this result was read from the journal rather than received now: an image a resume skipped (finished or
    /// refused in an earlier run) or left alone (uncertain). Its <see cref="Outcome"/> is then <see langword="default"/>.
    /// </summary>
    public bool FromJournal { get; internal init; }

    /// <summary>Whether the journal held this path with other content: the file changed since, so it counts as a new image.</summary>
    public bool ChangedSinceJournaled { get; internal init; }

    /// <summary>Whether this run submitted the image (a new, paid analysis, or one that may have been paid for).</summary>
    public bool Submitted { get; internal init; }

    /// <summary>The error behind <see cref="BatchItemStatus.Unfinished"/>, <see cref="BatchItemStatus.Uncertain"/> or <see cref="BatchItemStatus.NotSubmitted"/>, when there was one.</summary>
    public Exception? Error { get; internal init; }

    /// <summary>Whether the image has a final outcome: succeeded, rejected, failed or refused.</summary>
    public bool IsFinal => Status is BatchItemStatus.Succeeded or BatchItemStatus.Rejected or BatchItemStatus.Failed or BatchItemStatus.Refused;

    /// <summary>Describes the result in a few words, e.g. <c>photos/a.jpg: rejected (NoFaceDetected)</c>.</summary>
    public override string ToString() => Status switch
    {
        BatchItemStatus.Rejected or BatchItemStatus.Refused => $"{Path}: {Status} ({Reason})",
        BatchItemStatus.NotSubmitted => $"{Path}: {Status} ({StopReason})",
        _ => $"{Path}: {Status}",
    };
}
