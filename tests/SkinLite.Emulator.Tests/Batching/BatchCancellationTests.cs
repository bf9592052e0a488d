using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>The caller cancels mid-batch: no new submits, jobs in flight get the grace, the enumeration ends normally.</summary>
public sealed class BatchCancellationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_a_grace_the_jobs_in_flight_come_back_unfinished_with_their_handles_and_nothing_more_is_submitted()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 12, out _);
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromHours(1) });
        SkinLiteClient client = Emulated.Client(emulator);
        using var cancel = new CancellationTokenSource();
        var options = new BatchOptions { MaxConcurrentWaits = 4, CancellationGrace = TimeSpan.Zero, Polling = BatchRuns.FastPolling() };

        Task<List<BatchItemResult>> run = BatchRuns.CollectAsync(client, paths, options, cancel.Token);
        await BatchRuns.EventuallyAsync(() => emulator.Stats.AcceptedSubmits == 4);
        await Task.Delay(200);
        int submittedBeforeCancel = emulator.Stats.AcceptedSubmits;
        await cancel.CancelAsync();
        List<BatchItemResult> results = await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(4, submittedBeforeCancel);
        // Images the batch had not read from the input yet get no result: a resume over a journal finds them.
        Assert.InRange(results.Count, 4, 12);
        Assert.All(results, r => Assert.True(
            r.Status == BatchItemStatus.Unfinished || (r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Cancelled),
            $"{r} after the cancellation"));
        List<BatchItemResult> unfinished = results.Where(r => r.Status == BatchItemStatus.Unfinished).ToList();
        Assert.Equal(4, unfinished.Count);
        Assert.All(unfinished, r =>
        {
            Assert.NotNull(r.Job);
            Assert.True(r.Submitted);
            Assert.Contains("cancelled", r.Message, StringComparison.Ordinal);
        });
        await Task.Delay(200);
        Assert.Equal(4, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task Within_the_grace_the_jobs_in_flight_finish_and_the_rest_are_not_submitted()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 10, out _);
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(2) });
        SkinLiteClient client = Emulated.Client(emulator);
        using var cancel = new CancellationTokenSource();
        var options = new BatchOptions { MaxConcurrentWaits = 3, CancellationGrace = TimeSpan.FromSeconds(20), Polling = BatchRuns.FastPolling() };

        Task<List<BatchItemResult>> run = BatchRuns.CollectAsync(client, paths, options, cancel.Token);
        await BatchRuns.EventuallyAsync(() => emulator.Stats.AcceptedSubmits == 3);
        await cancel.CancelAsync();
        List<BatchItemResult> results = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, results.Count(r => r.Status == BatchItemStatus.Succeeded && r.Submitted));
        Assert.All(results.Where(r => r.Status != BatchItemStatus.Succeeded), r =>
        {
            Assert.Equal(BatchItemStatus.NotSubmitted, r.Status);
            Assert.Equal(BatchStopReason.Cancelled, r.StopReason);
        });
        Assert.Equal(3, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task A_cancelled_batch_ends_its_enumeration_normally_even_before_anything_was_submitted()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 3, out _);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { Polling = BatchRuns.FastPolling() }, cancel.Token);

        Assert.InRange(results.Count, 0, 3);
        Assert.All(results, r => Assert.Equal(BatchStopReason.Cancelled, r.StopReason));
        Assert.Equal(0, emulator.Stats.AcceptedSubmits);
    }
}
