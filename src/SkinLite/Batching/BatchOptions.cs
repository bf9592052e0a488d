using System.Globalization;

namespace SkinLite;

/// <summary>How a batch runs: its journal, its concurrency, its budget and how each image is prepared.</summary>
public sealed class BatchOptions
{
    /// <summary>The most <see cref="MaxConcurrentSubmits"/> may be.</summary>
    public const int MaxSubmitConcurrency = 256;

    /// <summary>The most <see cref="MaxConcurrentWaits"/> may be.</summary>
    public const int MaxWaitConcurrency = 4096;

    /// <summary>
    /// The journal file (JSON Lines, docs/batch.md): written before every submit and after every answer, so that a crash
    /// loses no result and a resume never submits an image twice. An existing journal is resumed: finished images are
    /// skipped, submitted ones waited on by their ids. <see langword="null"/> (the default) keeps no journal: nothing
    /// survives the process, and a second run submits (and pays for) every image again.
    /// </summary>
    public string? JournalPath { get; set; }

    /// <summary>
    /// The most submits in flight at once (default 4). The batch starts at 1 and adapts: each 429 or submit timeout
    /// halves it, successes grow it back one at a time, up to this.
    /// </summary>
    public int MaxConcurrentSubmits { get; set; } = 4;

    /// <summary>The most jobs waited on at once (default 64); no new submit starts while this many jobs are unfinished.</summary>
    public int MaxConcurrentWaits { get; set; } = 64;

    /// <summary>The most images prepared (<see cref="Prepare"/>) at once (default: the processor count).</summary>
    public int MaxConcurrentPreparations { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// A submit rate the batch never exceeds, when the account's limit is known (submits per second); <see langword="null"/>
    /// (the default) finds the service's pace from its 429s.
    /// </summary>
    public double? MaxSubmitsPerSecond { get; set; }

    /// <summary>Stop submitting after this many submits in this run (each one a paid analysis, or maybe paid); <see langword="null"/> for no limit.</summary>
    public int? MaxAnalyses { get; set; }

    /// <summary>
    /// Stop submitting once the finished jobs' <c>consumedCredits</c>, plus what the jobs still running are expected to
    /// cost (the dearest job seen so far), would pass this; <see langword="null"/> for no limit. Before the first job
    /// finishes, the cost of one is unknown: the batch then submits one at a time.
    /// </summary>
    public int? MaxCredits { get; set; }

    /// <summary>
    /// Submit again the images a journal holds as uncertain (their submit may have been paid for, its answer never heard).
    /// Off by default: an uncertain image is listed, not paid for twice.
    /// </summary>
    public bool ResubmitUncertain { get; set; }

    /// <summary>Keep each outcome's result document (<see cref="BatchItemResult.Document"/>), to save it per image. Off by default.</summary>
    public bool KeepDocuments { get; set; }

    /// <summary>How each wait polls; <see langword="null"/> for the client's <see cref="SkinLiteClientOptions.Polling"/>.</summary>
    public PollingOptions? Polling { get; set; }

    /// <summary>
    /// After the caller cancels, how long the jobs already submitted may still finish (default 30 s): submits in flight
    /// get their answer (and their ids into the journal), waits their outcome. What is still unfinished then is yielded as
    /// <see cref="BatchItemStatus.Unfinished"/> with its job handle. <see cref="TimeSpan.Zero"/> hands back at once.
    /// </summary>
    public TimeSpan CancellationGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest image file read (default 64 MiB): a bigger one is refused without being read whole.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Turns each file into what is sent, or refuses it; <see langword="null"/> (the default) sends the file as it is when
    /// it passes <see cref="ImagePreflight"/>, and refuses it otherwise. <c>SkinLite.Imaging</c> offers one that fits phone photos.
    /// </summary>
    public BatchImagePreparer? Prepare { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        InRange(MaxConcurrentSubmits, 1, MaxSubmitConcurrency, nameof(MaxConcurrentSubmits));
        InRange(MaxConcurrentWaits, 1, MaxWaitConcurrency, nameof(MaxConcurrentWaits));
        InRange(MaxConcurrentPreparations, 1, 1024, nameof(MaxConcurrentPreparations));
        if (MaxSubmitsPerSecond is { } rate && (!double.IsFinite(rate) || rate <= 0))
        {
            throw Problem(nameof(MaxSubmitsPerSecond), $"must be a positive number of submits per second, not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (MaxAnalyses is < 0)
        {
            throw Problem(nameof(MaxAnalyses), $"must be 0 or more, not {MaxAnalyses}.");
        }

        if (MaxCredits is < 0)
        {
            throw Problem(nameof(MaxCredits), $"must be 0 or more, not {MaxCredits}.");
        }

        if (CancellationGrace < TimeSpan.Zero || CancellationGrace > PollingOptions.MaxTimerDelay)
        {
            throw Problem(nameof(CancellationGrace), $"must be between zero and {PollingOptions.MaxTimerDelay.TotalDays:0.#} days, not {CancellationGrace}.");
        }

        if (MaxFileBytes < 1)
        {
            throw Problem(nameof(MaxFileBytes), $"must be positive, not {MaxFileBytes}.");
        }

        if (JournalPath is { Length: 0 })
        {
            throw Problem(nameof(JournalPath), "is empty: give a file path, or null for no journal.");
        }

        Polling?.Validate();
    }

    internal BatchOptions Clone()
    {
        var copy = (BatchOptions)MemberwiseClone();
        copy.Polling = Polling?.Clone();
        return copy;
    }

    private static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw Problem(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, not {value}."));
        }
    }

    private static ArgumentException Problem(string member, string text) => new($"BatchOptions.{member} {text}", member);
}
