using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>The account's quota used up mid-batch (403 Usage Limit Exceeded, JR-1000): the batch stops submitting at once.</summary>
public sealed class BatchUsageLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_quota_is_used_then_the_rest_are_not_submitted_for_the_usage_limit_and_no_more_submits_are_tried()
    {
        const int Concurrency = 4;
        List<string> paths = BatchRuns.WriteFaces(_folder, 12, out _);
        var settings = Emulated.Instant();
        settings.Quota = 3;
        using var emulator = new SkinAnalysisEmulator(settings);
        var counter = new SubmitCounter(emulator.CreateHandler());
        SkinLiteClient client = Emulated.Client(counter, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private), SkinLiteApi.Private);
        string journal = Path.Combine(_folder.Path, "journal.jsonl");

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = journal, MaxConcurrentSubmits = Concurrency, Polling = BatchRuns.FastPolling() });

        Assert.Equal(12, results.Count);
        Assert.Equal(3, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        List<BatchItemResult> stopped = results.Where(r => r.Status != BatchItemStatus.Succeeded).ToList();
        Assert.Equal(9, stopped.Count);
        Assert.All(stopped, r =>
        {
            Assert.Equal(BatchItemStatus.NotSubmitted, r.Status);
            Assert.Equal(BatchStopReason.UsageLimit, r.StopReason);
            Assert.False(r.Submitted);
        });
        Assert.Contains(stopped, r => r.Error is SkinLiteUsageLimitException);
        Assert.Equal(3, emulator.Stats.AcceptedSubmits);
        Assert.InRange(emulator.Stats.QuotaRefused, 1, Concurrency);
        Assert.Equal(3 + emulator.Stats.QuotaRefused, counter.Posts);

        // A resume on the same used-up account tries once more, then stops again; the finished ones are not sent.
        List<BatchItemResult> resumed = await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = journal, MaxConcurrentSubmits = Concurrency, Polling = BatchRuns.FastPolling() });
        Assert.Equal(3, resumed.Count(r => r.FromJournal && r.Status == BatchItemStatus.Succeeded));
        Assert.Equal(9, resumed.Count(r => r.StopReason == BatchStopReason.UsageLimit));
        Assert.Equal(3, emulator.Stats.AcceptedSubmits);
    }
}
