using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>
/// The journal carries what adaptive polling learned: snapshots of the client's processing times, replayed into a
/// resumed batch's client so that it polls well from its first job.
/// </summary>
public sealed class BatchProcessingTimesTests : IDisposable
{
    private readonly TempFolder _folder = new("skinlite-times-");

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_snapshot_round_trips_through_the_journal_and_the_latest_one_wins()
    {
        ProcessingTimeInterval[] first = [new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11.5))];
        ProcessingTimeInterval[] second = [.. Intervals(20, 12)];
        await using (Journal journal = Journal.Open(JournalPath, TimeProvider.System))
        {
            await journal.RecordProcessingTimesAsync(first);
            await journal.RecordProcessingTimesAsync(second);
        }

        JournalState state = Journal.Replay(JournalPath);

        Assert.Empty(state.DamagedLines);
        Assert.Empty(state.Images);
        Assert.Equal(second, state.ProcessingTimes);
    }

    [Theory]
    [InlineData("""{"record":"processing-times","intervals":[[5,4]]}""")]
    [InlineData("""{"record":"processing-times","intervals":[[-1,4]]}""")]
    [InlineData("""{"record":"processing-times","intervals":[[1,"x"]]}""")]
    [InlineData("""{"record":"processing-times","intervals":[[1,2,3]]}""")]
    [InlineData("""{"record":"processing-times","intervals":{}}""")]
    [InlineData("""{"record":"processing-times"}""")]
    public async Task A_malformed_snapshot_is_damage_and_seeds_nothing(string line)
    {
        await using (Journal.Open(JournalPath, TimeProvider.System))
        {
        }

        await File.AppendAllTextAsync(JournalPath, line + "\n");

        JournalState state = Journal.Replay(JournalPath);

        Assert.Single(state.DamagedLines);
        Assert.Null(state.ProcessingTimes);
    }

    [Fact]
    public async Task A_batch_journals_what_its_client_learned_and_a_resume_seeds_a_fresh_client_with_it()
    {
        List<string> paths = BatchImages.Write(_folder, 3);
        var learned = new ProcessingTimes(new PollingOptions(), SkinLiteApi.Private);
        learned.Seed(Intervals(20, 12));
        var first = new FakeBatchService { ProcessingTimes = learned };

        await BatchDriver.RunAllAsync(first, paths, new BatchOptions { JournalPath = JournalPath });

        ProcessingTimeInterval[]? journaled = Journal.Replay(JournalPath).ProcessingTimes;
        Assert.NotNull(journaled);
        Assert.Equal(learned.Export(), journaled);

        var fresh = new ProcessingTimes(new PollingOptions(), SkinLiteApi.Private);
        var resumed = new FakeBatchService { ProcessingTimes = fresh };
        List<BatchItemResult> again = await BatchDriver.RunAllAsync(resumed, paths, new BatchOptions { JournalPath = JournalPath });

        Assert.All(again, r => Assert.True(r.FromJournal));
        Assert.Equal(20, fresh.Count);
        Assert.NotNull(fresh.Median);
    }

    [Fact]
    public async Task A_client_that_learned_enough_of_its_own_is_not_seeded_and_nothing_is_journaled_without_learning()
    {
        List<string> paths = BatchImages.Write(_folder, 2);
        await using (Journal journal = Journal.Open(JournalPath, TimeProvider.System))
        {
            await journal.RecordProcessingTimesAsync(Intervals(20, 30));
        }

        var own = new ProcessingTimes(new PollingOptions(), SkinLiteApi.Private);
        own.Seed(Intervals(ProcessingTimes.MinSamples, 8));
        await BatchDriver.RunAllAsync(new FakeBatchService { ProcessingTimes = own }, paths, new BatchOptions { JournalPath = JournalPath });

        Assert.Equal(ProcessingTimes.MinSamples, own.Count); // its own 16, not the journal's 20 on top

        string other = Path.Combine(_folder.Path, "other.jsonl");
        await BatchDriver.RunAllAsync(new FakeBatchService(), paths, new BatchOptions { JournalPath = other });
        Assert.Null(Journal.Replay(other).ProcessingTimes);
    }

    private static ProcessingTimeInterval[] Intervals(int count, double around) =>
        [.. Enumerable.Range(0, count).Select(i => new ProcessingTimeInterval(TimeSpan.FromSeconds(around - 1 + (i % 5) * 0.25), TimeSpan.FromSeconds(around + (i % 5) * 0.25)))];
}
