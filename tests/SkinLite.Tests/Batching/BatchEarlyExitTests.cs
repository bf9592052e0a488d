using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>A caller that leaves the loop early: the journal is closed and consistent, and a resume never submits an image twice.</summary>
public sealed class BatchEarlyExitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Leaving_mid_batch_then_resuming_submits_no_image_twice_and_accounts_for_every_image()
    {
        List<string> paths = BatchImages.Write(_folder, 30);
        var first = new FakeBatchService();
        first.OnSubmit = async (_, _, ct) =>
        {
            await Task.Delay(5, ct);
            return first.NewJob();
        };
        first.OnWait = async (_, ct) =>
        {
            await Task.Delay(20, ct);
            return FakeBatchService.SuccessDocument;
        };
        var options = new BatchOptions { JournalPath = JournalPath, MaxConcurrentSubmits = 4 };
        int taken = 0;
        await foreach (BatchItemResult item in BatchDriver.Run(first, paths, options))
        {
            if (++taken == 5)
            {
                break;
            }
        }

        // The lock is released: the resume opens the journal at once.
        var second = new FakeBatchService();
        List<BatchItemResult> resumed = await BatchDriver.RunAllAsync(second, paths, options);

        Assert.Equal(30, resumed.Count);
        var sentFirst = first.SubmittedContents.Select(b => Convert.ToHexString(b)).ToHashSet();
        var sentSecond = second.SubmittedContents.Select(b => Convert.ToHexString(b)).ToList();
        Assert.Equal(sentSecond.Count, sentSecond.Distinct().Count());
        Assert.DoesNotContain(sentSecond, sentFirst.Contains);
        Assert.All(resumed, r => Assert.True(
            r.Status == BatchItemStatus.Succeeded || (r.Status == BatchItemStatus.Uncertain && r.FromJournal),
            $"{r} on resume"));
        Assert.Equal(30 - resumed.Count(r => r.Status == BatchItemStatus.Uncertain), resumed.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.True(first.SubmitCalls >= 5);
    }
}
