namespace SkinLite.Cli.Output;

/// <summary>A snapshot of <see cref="BatchTally"/>.</summary>
/// <param name="ByStatus">Images by where they ended.</param>
/// <param name="Rejections">Rejected and refused images by reason (camelCase).</param>
/// <param name="NotSubmitted">Images not submitted, by why (camelCase <see cref="BatchStopReason"/>).</param>
/// <param name="Uncertain">The uncertain images' paths.</param>
/// <param name="FromJournal">Images an earlier run finished (or left uncertain), skipped by this one.</param>
/// <param name="Submitted">Submits this run made: analyses paid for, or maybe paid for.</param>
/// <param name="Credits">The credits the jobs this run submitted consumed, when the service said.</param>
/// <param name="Elapsed">How long the run has taken.</param>
internal sealed record BatchCounts(
    IReadOnlyDictionary<BatchItemStatus, int> ByStatus,
    IReadOnlyDictionary<string, int> Rejections,
    IReadOnlyDictionary<string, int> NotSubmitted,
    IReadOnlyList<string> Uncertain,
    int FromJournal,
    int Submitted,
    int? Credits,
    TimeSpan Elapsed)
{
    public int Of(BatchItemStatus status) => ByStatus.GetValueOrDefault(status);

    /// <summary>Every image with a result.</summary>
    public int Done => ByStatus.Values.Sum();

    /// <summary>Images that ended in this run (not skipped from the journal): what the rate is measured on.</summary>
    public int DoneThisRun => Done - FromJournal;

    /// <summary>Images with a final outcome: succeeded, rejected, failed or refused.</summary>
    public int Final => Of(BatchItemStatus.Succeeded) + Of(BatchItemStatus.Rejected) + Of(BatchItemStatus.Failed) + Of(BatchItemStatus.Refused);

    /// <summary>Images left to a later run: unfinished, uncertain or not submitted.</summary>
    public int Open => Done - Final;

    /// <summary>Images that ended this run per minute; 0 before the first.</summary>
    public double PerMinute => Elapsed.TotalMinutes > 0 ? DoneThisRun / Elapsed.TotalMinutes : 0;
}
