using Microsoft.Extensions.Time.Testing;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>A batch resumed over its journal: finished images skipped, submitted ones waited on, uncertain ones left alone, changed files sent anew.</summary>
public sealed class BatchResumeThroughEmulatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Finished_images_are_skipped_from_the_journal_and_never_submitted_again()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 4, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() };
        List<BatchItemResult> first = await BatchRuns.CollectAsync(client, paths, options);
        Assert.All(first, r => Assert.Equal(BatchItemStatus.Succeeded, r.Status));

        List<BatchItemResult> second = await BatchRuns.CollectAsync(client, paths, options);

        Assert.Equal(4, second.Count);
        Assert.All(second, r =>
        {
            Assert.Equal(BatchItemStatus.Succeeded, r.Status);
            Assert.True(r.FromJournal);
            Assert.False(r.Submitted);
            Assert.Equal(first.Single(f => f.Path == r.Path).Job!.PredictionId, r.Job!.PredictionId);
        });
        Assert.Equal(4, emulator.Stats.AcceptedSubmits);
        Assert.All(paths, p => Assert.Equal(1, emulator.Stats.SubmitsOf(images[p])));
    }

    [Fact]
    public async Task Jobs_left_unfinished_by_a_cancelled_run_are_waited_on_by_their_ids_and_not_submitted_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        List<string> paths = BatchRuns.WriteFaces(_folder, 6, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMinutes(1) }, clock);
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling(), MaxConcurrentWaits = 3, CancellationGrace = TimeSpan.Zero };
        using var cancel = new CancellationTokenSource();
        Task<List<BatchItemResult>> firstRun = BatchRuns.CollectAsync(client, paths, options, cancel.Token);
        await BatchRuns.EventuallyAsync(() => emulator.Stats.AcceptedSubmits == 3);
        await Task.Delay(200);
        await cancel.CancelAsync();
        List<BatchItemResult> first = await firstRun.WaitAsync(TimeSpan.FromSeconds(10));
        List<BatchItemResult> unfinished = first.Where(r => r.Status == BatchItemStatus.Unfinished).ToList();
        Assert.Equal(3, unfinished.Count);

        // The emulator's minute passes: the jobs of the first run have ended, and those of the second end as its clock ticks.
        clock.Advance(TimeSpan.FromMinutes(2));
        using var ticking = new CancellationTokenSource();
        Task ticker = Task.Run(async () =>
        {
            while (!ticking.IsCancellationRequested)
            {
                await Task.Delay(20);
                clock.Advance(TimeSpan.FromSeconds(5));
            }
        });
        List<BatchItemResult> second = await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() }).WaitAsync(TimeSpan.FromSeconds(20));
        await ticking.CancelAsync();
        await ticker;

        Assert.All(second, r => Assert.Equal(BatchItemStatus.Succeeded, r.Status));
        foreach (BatchItemResult waited in unfinished)
        {
            BatchItemResult again = second.Single(r => r.Path == waited.Path);
            Assert.False(again.Submitted);
            Assert.False(again.FromJournal);
            Assert.Equal(waited.Job!.PredictionId, again.Job!.PredictionId);
        }

        Assert.Equal(3, second.Count(r => r.Submitted));
        Assert.Equal(6, emulator.Stats.AcceptedSubmits);
        Assert.All(paths, p => Assert.Equal(1, emulator.Stats.SubmitsOf(images[p])));
    }

    [Fact]
    public async Task A_job_journaled_as_submitted_before_a_crash_is_waited_on_and_not_submitted_again()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 1, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(images[paths[0]], "face-0.png");
        new HandWrittenJournal().Submitting(paths[0], images[paths[0]]).Submitted(paths[0], images[paths[0]], job).WriteTo(JournalPath);

        BatchItemResult result = Assert.Single(await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() }));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.False(result.Submitted);
        Assert.Equal(job.PredictionId, result.Job!.PredictionId);
        Assert.Equal(1, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task An_uncertain_image_is_listed_and_not_submitted_unless_resubmit_uncertain_is_asked()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 2, out Dictionary<string, byte[]> images);
        new HandWrittenJournal().Submitting(paths[0], images[paths[0]]).WriteTo(JournalPath);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);

        List<BatchItemResult> careful = await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() });

        BatchItemResult uncertain = careful.Single(r => r.Path == paths[0]);
        Assert.Equal(BatchItemStatus.Uncertain, uncertain.Status);
        Assert.True(uncertain.FromJournal);
        Assert.Contains("ResubmitUncertain", uncertain.Message, StringComparison.Ordinal);
        Assert.Equal(BatchItemStatus.Succeeded, careful.Single(r => r.Path == paths[1]).Status);
        Assert.Equal(0, emulator.Stats.SubmitsOf(images[paths[0]]));

        List<BatchItemResult> bold = await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling(), ResubmitUncertain = true });

        BatchItemResult resubmitted = bold.Single(r => r.Path == paths[0]);
        Assert.Equal(BatchItemStatus.Succeeded, resubmitted.Status);
        Assert.True(resubmitted.Submitted);
        Assert.True(bold.Single(r => r.Path == paths[1]).FromJournal);
        Assert.Equal(1, emulator.Stats.SubmitsOf(images[paths[0]]));
        Assert.Equal(1, emulator.Stats.SubmitsOf(images[paths[1]]));
    }

    [Fact]
    public async Task A_file_changed_since_it_was_journaled_is_submitted_as_a_new_image_and_flagged()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 2, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() };
        await BatchRuns.CollectAsync(client, paths, options);
        byte[] edited = Emulated.Face(0xE0);
        File.WriteAllBytes(paths[0], edited);

        List<BatchItemResult> second = await BatchRuns.CollectAsync(client, paths, options);

        BatchItemResult changed = second.Single(r => r.Path == paths[0]);
        Assert.Equal(BatchItemStatus.Succeeded, changed.Status);
        Assert.True(changed.Submitted);
        Assert.True(changed.ChangedSinceJournaled);
        Assert.Equal(EmulatorStats.ImageKey(edited), changed.ContentHash);
        BatchItemResult unchanged = second.Single(r => r.Path == paths[1]);
        Assert.True(unchanged.FromJournal);
        Assert.False(unchanged.ChangedSinceJournaled);
        Assert.Equal(1, emulator.Stats.SubmitsOf(images[paths[0]]));
        Assert.Equal(1, emulator.Stats.SubmitsOf(edited));
        Assert.Equal(3, emulator.Stats.AcceptedSubmits);
    }
}
