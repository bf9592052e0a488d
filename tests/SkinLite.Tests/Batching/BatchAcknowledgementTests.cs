using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>An outcome is journaled only when the caller asks for the next result: a result the caller never saved is never journaled as finished.</summary>
public sealed class BatchAcknowledgementTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_outcome_is_journaled_when_the_next_result_is_asked_for_not_when_it_is_yielded()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();

        await using IAsyncEnumerator<BatchItemResult> results = BatchDriver.Run(service, [path], new BatchOptions { JournalPath = JournalPath }).GetAsyncEnumerator();
        Assert.True(await results.MoveNextAsync());
        Assert.Equal(BatchItemStatus.Succeeded, results.Current.Status);

        Assert.Equal(JournalEntryState.Submitted, Assert.Single(Journal.Replay(JournalPath).Images).State);

        Assert.False(await results.MoveNextAsync());

        JournalImage finished = Assert.Single(Journal.Replay(JournalPath).Images);
        Assert.Equal(JournalEntryState.Finished, finished.State);
        Assert.Equal(OutcomeKind.Succeeded, finished.Outcome!.Value.Kind);
        Assert.Equal(5, finished.Outcome!.Value.ConsumedCredits);
    }

    [Fact]
    public async Task Each_outcome_is_journaled_as_the_following_result_is_asked_for()
    {
        List<string> paths = BatchImages.Write(_folder, 3);
        var service = new FakeBatchService();
        var options = new BatchOptions { JournalPath = JournalPath, MaxConcurrentSubmits = 1, MaxConcurrentWaits = 1 };

        var finishedWhenYielded = new List<int>();
        await foreach (BatchItemResult item in BatchDriver.Run(service, paths, options))
        {
            JournalState state = Journal.Replay(JournalPath);
            Assert.Equal(JournalEntryState.Submitted, state.LatestOf(item.Path)!.State);
            finishedWhenYielded.Add(state.CountOf(JournalEntryState.Finished));
        }

        Assert.Equal([0, 1, 2], finishedWhenYielded);
        Assert.Equal(3, Journal.Replay(JournalPath).CountOf(JournalEntryState.Finished));
    }

    [Fact]
    public async Task Leaving_the_loop_leaves_the_last_result_submitted_and_a_resume_waits_for_its_job_without_a_new_submit()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();
        string? predictionId = null;

        await foreach (BatchItemResult item in BatchDriver.Run(service, [path], new BatchOptions { JournalPath = JournalPath }))
        {
            predictionId = item.Job!.PredictionId;
            break;
        }

        JournalImage left = Assert.Single(Journal.Replay(JournalPath).Images);
        Assert.Equal(JournalEntryState.Submitted, left.State);
        Assert.Equal(predictionId, left.Job!.PredictionId);

        var resumed = new FakeBatchService();
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(resumed, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Succeeded, again.Status);
        Assert.False(again.Submitted);
        Assert.False(again.FromJournal);
        Assert.Equal(predictionId, again.Job!.PredictionId);
        Assert.Equal(0, resumed.SubmitCalls);
        Assert.Equal(predictionId, Assert.Single(resumed.WaitedJobs).PredictionId);
        Assert.Equal(JournalEntryState.Finished, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }
}
