using System.Globalization;
using System.Runtime.CompilerServices;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Group "batch memory": what a batch keeps per image it has taken on. N small image files are streamed into a batch
/// (a lazy enumeration, never a list) over a service that answers every submit at once and ends every job after a
/// while; the managed heap is weighed (after a full collection) as the batch runs, and its peak growth over the
/// heap before the batch is divided by N. Run for several N: the per-image figure must stay flat (bounded state),
/// and under 2 KB. Once with a fresh journal, once resuming a journal that already holds all N images as submitted
/// (the resume waits on each: its replayed state is the largest per-image memory a batch has). Usage:
/// <c>batch-memory [count...]</c> (default 10000 100000).
/// </summary>
public static class BatchMemory
{
    public static int Run(ReadOnlySpan<string> args)
    {
        int[] counts = args.Length > 0 ? [.. args.ToArray().Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 100_000];
        Console.WriteLine("| images | run | peak managed growth | per image | images finished |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (int count in counts)
        {
            string folder = Directory.CreateTempSubdirectory("skinlite-batch-memory-").FullName;
            try
            {
                WriteImages(folder, count);
                string journal = Path.Combine(folder, "journal.jsonl");
                Measure(folder, count, journal, "fresh journal").GetAwaiter().GetResult();
                MarkAllSubmitted(journal, folder, count);
                Measure(folder, count, journal, "resume: all submitted").GetAwaiter().GetResult();
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static string PathOf(string folder, int i) => Path.Combine(folder, "images", $"{i / 1000:D3}", $"photo-{i:D6}.jpg");

    private static void WriteImages(string folder, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string path = PathOf(folder, i);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"image {i}"));
        }
    }

    /// <summary>A journal where every image is submitted and unfinished, as after a crash in the middle of the waits.</summary>
    private static void MarkAllSubmitted(string journalPath, string folder, int count)
    {
        File.Delete(journalPath);
        using Journal journal = Journal.Open(journalPath, flushToDisk: false);
        for (int i = 0; i < count; i++)
        {
            string path = PathOf(folder, i);
            ContentHash hash = ContentHash.Of(File.ReadAllBytes(path));
            journal.RecordSubmittingAsync(path, hash).GetAwaiter().GetResult();
            journal.RecordSubmittedAsync(path, hash, new SkinAnalysisJob { PredictionId = $"prediction-{i}", ScanId = $"scan-{i}", AppId = "app", Status = JobStatus.Accepted }).GetAwaiter().GetResult();
        }
    }

    private static async Task Measure(string folder, int count, string journal, string run)
    {
        var service = new InstantService();
        var options = new BatchOptions
        {
            JournalPath = journal,
            MaxConcurrentSubmits = 8,
            MaxConcurrentWaits = 256,
            Prepare = static (_, content, _) => ValueTask.FromResult(PreparedImage.Send(content, "image.jpg")),
        };
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        int finished = 0;
        int seen = 0;
        await foreach (BatchItemResult item in BatchRun.RunAsync(service, Paths(folder, count), options, CancellationToken.None).ConfigureAwait(false))
        {
            finished += item.IsFinal ? 1 : 0;
            if (++seen % (count / 10) == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | {run} | {peak / 1e6:0.0} MB | {peak / (double)count:0} B | {finished:N0} |"));
    }

    private static async IAsyncEnumerable<string> Paths(string folder, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return PathOf(folder, i);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Takes every submit at once; every job ends (succeeded) a millisecond after it is waited on.</summary>
    private sealed class InstantService : IBatchService
    {
        private static readonly AnalysisOutcome Done = AnalysisOutcome.Parse(
            """{"status":"SUCCESS","consumedCredits":5,"output":{"skinData":{"total_skin_score":80,"skin_type":"normal"}}}"""u8);

        private int _jobs;

        public TimeProvider Time => TimeProvider.System;

        public SubmitPace Pace { get; } = new(TimeProvider.System, TimeSpan.Zero, TimeSpan.FromSeconds(60));

        // Nothing learned: the batch journals no processing-times snapshot, so memory per image is the batch's own.
        public ProcessingTimes? ProcessingTimes => null;

        public Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName, CancellationToken cancellationToken)
        {
            int id = Interlocked.Increment(ref _jobs);
            return Task.FromResult(new SkinAnalysisJob { PredictionId = $"p-{id}", ScanId = $"s-{id}", AppId = "app", Status = JobStatus.Accepted });
        }

        public async Task<AnalysisOutcome> WaitAsync(SkinAnalysisJob job, PollingOptions? polling, TerminalDocument? document, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return Done;
        }
    }
}
