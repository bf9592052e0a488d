using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>The budget as the batch spends it: exactly the analyses allowed, credits never past the limit, every image accounted for.</summary>
public sealed class BatchSpendingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(13)]
    public async Task MaxAnalyses_makes_exactly_that_many_submits_and_yields_every_other_image_as_not_submitted_for_the_budget(int max)
    {
        List<string> paths = BatchImages.Write(_folder, 20);
        var service = new FakeBatchService();
        service.OnSubmit = async (_, _, ct) =>
        {
            await Task.Delay(10, ct);
            return service.NewJob();
        };

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, paths, new BatchOptions { MaxAnalyses = max, MaxConcurrentSubmits = 4 });

        Assert.Equal(20, results.Count);
        Assert.Equal(paths.Order(), results.Select(r => r.Path).Order());
        Assert.Equal(max, service.SubmitCalls);
        Assert.Equal(max, results.Count(r => r.Status == BatchItemStatus.Succeeded && r.Submitted));
        Assert.All(results.Where(r => r.Status != BatchItemStatus.Succeeded), r =>
        {
            Assert.Equal(BatchItemStatus.NotSubmitted, r.Status);
            Assert.Equal(BatchStopReason.Budget, r.StopReason);
            Assert.False(r.Submitted);
        });
    }

    [Fact]
    public async Task With_a_credit_limit_the_second_submit_waits_for_the_cost_of_the_first()
    {
        List<string> paths = BatchImages.Write(_folder, 6);
        var firstWait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new FakeBatchService();
        service.OnWait = async (job, ct) =>
        {
            if (job.PredictionId == "prediction-1")
            {
                await firstWait.Task.WaitAsync(ct);
            }

            return FakeBatchService.SuccessDocument; // consumedCredits 5
        };
        Task<List<BatchItemResult>> run = BatchDriver.RunAllAsync(service, paths, new BatchOptions { MaxCredits = 17, MaxConcurrentSubmits = 4 });

        await Eventually.TrueAsync(() => service.WaitCalls == 1);
        await Task.Delay(200);
        Assert.Equal(1, service.SubmitCalls);

        firstWait.SetResult();
        List<BatchItemResult> results = await run.WaitAsync(TimeSpan.FromSeconds(30));

        // 5 spent, then two more expected at 5 each fit (15), a third would not (20 > 17): three analyses, 15 credits.
        Assert.Equal(3, service.SubmitCalls);
        Assert.Equal(15, results.Sum(r => r.ConsumedCredits ?? 0));
        Assert.Equal(3, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.Equal(3, results.Count(r => r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Budget));
    }
}
