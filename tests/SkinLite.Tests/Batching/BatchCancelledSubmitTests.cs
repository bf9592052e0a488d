using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>The caller cancels while a submit is in flight: within the grace its answer is awaited and its job waited on; past it, the image is uncertain.</summary>
public sealed class BatchCancelledSubmitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_a_grace_a_submit_in_flight_is_cut_and_its_image_is_uncertain_in_the_result_and_the_journal()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new FakeBatchService();
        service.OnSubmit = async (_, _, ct) =>
        {
            inFlight.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return service.NewJob();
        };
        using var cancel = new CancellationTokenSource();

        Task<List<BatchItemResult>> run = BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath, CancellationGrace = TimeSpan.Zero }, cancel.Token);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();
        BatchItemResult result = Assert.Single(await run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(BatchItemStatus.Uncertain, result.Status);
        Assert.True(result.Submitted);
        Assert.IsType<SkinLiteTransportException>(result.Error);
        Assert.Equal(JournalEntryState.Uncertain, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }

    [Fact]
    public async Task Within_the_grace_a_submit_in_flight_gets_its_answer_and_its_job_is_waited_on()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new FakeBatchService();
        service.OnSubmit = async (_, _, ct) =>
        {
            inFlight.SetResult();
            await answer.Task.WaitAsync(ct);
            return service.NewJob();
        };
        using var cancel = new CancellationTokenSource();

        Task<List<BatchItemResult>> run = BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath, CancellationGrace = TimeSpan.FromSeconds(30) }, cancel.Token);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();
        await Task.Delay(100);
        answer.SetResult();
        BatchItemResult result = Assert.Single(await run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.Equal(1, service.WaitCalls);
        Assert.Equal(JournalEntryState.Finished, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }
}
