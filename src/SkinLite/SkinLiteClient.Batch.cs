using System.Runtime.CompilerServices;

namespace SkinLite;

/// <summary>Batches: many images at the service's pace, with a journal that survives crashes and never pays twice.</summary>
public partial class SkinLiteClient
{
    /// <summary>
    /// Analyses many image files: reads <paramref name="imagePaths"/> as it goes, submits at the service's pace (one pace
    /// for the whole client; concurrency adapts to 429s and timeouts), waits on the jobs, and yields each image's result as
    /// it ends, in the order they end. With <see cref="BatchOptions.JournalPath"/>, every submit is journaled before it is
    /// sent and its ids as soon as they come back, so a crash loses nothing and a run over the same journal resumes:
    /// finished images are skipped, submitted ones waited on, never submitted twice (docs/batch.md).
    /// </summary>
    /// <param name="imagePaths">The image files (JPEG or PNG), read lazily: a stream of 100,000 paths is never held at once.</param>
    /// <param name="options">The journal, concurrency, budget and preparation; <see langword="null"/> for the defaults (no journal).</param>
    /// <param name="cancellationToken">
    /// Stops submitting at once; jobs already submitted get <see cref="BatchOptions.CancellationGrace"/> to finish, then
    /// come back as <see cref="BatchItemStatus.Unfinished"/> with their handles. The enumeration then ends normally.
    /// </param>
    /// <returns>One result per image, as each ends. A terminal outcome is journaled when the next result is asked for: save what you need of it first.</returns>
    /// <exception cref="ArgumentException">An option is out of range; thrown here, before anything runs.</exception>
    /// <exception cref="IOException">The journal is being written by another batch, is not a batch journal, or cannot be written (at the first result).</exception>
    /// <example>
    /// <code>
    /// var options = new BatchOptions { JournalPath = "out/journal.jsonl", MaxAnalyses = 500 };
    /// await foreach (BatchItemResult item in client.AnalyzeManyAsync(Directory.EnumerateFiles("photos", "*.jpg"), options))
    /// {
    ///     Console.WriteLine(item);
    /// }
    /// </code>
    /// </example>
    public virtual IAsyncEnumerable<BatchItemResult> AnalyzeManyAsync(IAsyncEnumerable<string> imagePaths, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        BatchOptions settings = options?.Clone() ?? new BatchOptions();
        settings.Validate();
        return BatchRun.RunAsync(new BatchService(this), imagePaths, settings, cancellationToken);
    }

    /// <summary>Analyses many image files; see <see cref="AnalyzeManyAsync(IAsyncEnumerable{string}, BatchOptions?, CancellationToken)"/>.</summary>
    /// <param name="imagePaths">The image files, enumerated lazily (e.g. <see cref="Directory.EnumerateFiles(string)"/>).</param>
    /// <param name="options">The journal, concurrency, budget and preparation; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops submitting; see the other overload.</param>
    /// <returns>One result per image, as each ends.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public virtual IAsyncEnumerable<BatchItemResult> AnalyzeManyAsync(IEnumerable<string> imagePaths, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        return AnalyzeManyAsync(ToAsync(imagePaths), options, cancellationToken);
    }

    private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return path;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The client as a batch sees it: its own (overridable) submit and wait, its clock and its pace.</summary>
    private sealed class BatchService(SkinLiteClient client) : IBatchService
    {
        public TimeProvider Time => client._time;

        public SubmitPace Pace => client.SubmitPace;

        public ProcessingTimes? ProcessingTimes => client.ProcessingTimes;

        public Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName, CancellationToken cancellationToken) =>
            client.SubmitAsync(image, fileName, cancellationToken);

        public Task<AnalysisOutcome> WaitAsync(SkinAnalysisJob job, PollingOptions? polling, TerminalDocument? document, CancellationToken cancellationToken) =>
            document is null ? client.WaitAsync(job, polling, cancellationToken) : client.WaitCoreAsync(job, polling, document, cancellationToken);
    }
}
