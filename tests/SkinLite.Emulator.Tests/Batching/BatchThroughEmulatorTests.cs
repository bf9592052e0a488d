using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>AnalyzeManyAsync against the in-process emulator: outcomes, the journal, and a resume that submits nothing twice.</summary>
public sealed class BatchThroughEmulatorTests
{
    [Fact]
    public async Task A_folder_of_faces_no_face_and_a_bad_file_each_end_as_they_should_and_a_resume_submits_nothing()
    {
        using var folder = new TempFolder();
        var paths = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            paths.Add(folder.Write($"face-{i}.png", Emulated.Face((byte)(0x40 + i))));
        }

        paths.Add(folder.Write("noface.png", Emulated.Face(0x20, trailer: SkinAnalysisEmulator.NoFaceMarker)));
        paths.Add(folder.Write("empty.png", []));
        paths.Add(Path.Combine(folder.Path, "missing.png"));
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = Path.Combine(folder.Path, "journal.jsonl"), KeepDocuments = true, Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(10) } };

        var first = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            first.Add(item);
        }

        Assert.Equal(paths.Count, first.Count);
        Assert.Equal(6, first.Count(r => r.Status == BatchItemStatus.Succeeded && r.Submitted && !r.Document.IsEmpty));
        Assert.Equal(RejectionReason.NoFaceDetected, Assert.Single(first, r => r.Status == BatchItemStatus.Rejected).Reason);
        Assert.Equal(2, first.Count(r => r.Status == BatchItemStatus.Refused && r.ContentHash is null));
        Assert.Equal(7, emulator.Stats.AcceptedSubmits);

        var second = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            second.Add(item);
        }

        Assert.Equal(7, emulator.Stats.AcceptedSubmits);
        Assert.Equal(7, second.Count(r => r.FromJournal && r.IsFinal));
    }

    [Fact]
    public async Task The_prepared_bytes_are_let_go_once_sent_not_held_through_the_wait_and_disposed_once()
    {
        using var folder = new TempFolder();
        string path = folder.Write("face.png", Emulated.Face(0x55));
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(5) });
        SkinLiteClient client = Emulated.Client(emulator);
        var owner = new DisposalCounter();
        var options = new BatchOptions
        {
            Prepare = (_, content, _) => ValueTask.FromResult(PreparedImage.Send(content.ToArray(), "face.png", owner)),
            Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(10) },
        };
        var results = new List<BatchItemResult>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Task run = Task.Run(async () =>
        {
            await foreach (BatchItemResult item in client.AnalyzeManyAsync([path], options))
            {
                results.Add(item);
            }
        });

        await owner.Disposed.WaitAsync(TimeSpan.FromSeconds(20));
        TimeSpan letGo = clock.Elapsed;
        await run;

        // The job takes 5 s: bytes held through the wait would be let go after that.
        Assert.True(letGo < TimeSpan.FromSeconds(3), $"the bytes were let go after {letGo}, at the end of the wait");

        Assert.Equal(BatchItemStatus.Succeeded, Assert.Single(results).Status);
        Assert.Equal(1, owner.Count);
    }

    private sealed class DisposalCounter : IDisposable
    {
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Task Disposed => _disposed.Task;

        public int Count => Volatile.Read(ref _count);

        public void Dispose()
        {
            Interlocked.Increment(ref _count);
            _disposed.TrySetResult();
        }
    }
}
