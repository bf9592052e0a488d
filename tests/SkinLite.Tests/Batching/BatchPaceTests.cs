using Microsoft.Extensions.Time.Testing;
using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>A known submit rate (BatchOptions.MaxSubmitsPerSecond) is never exceeded, even by a service that would take more.</summary>
public sealed class BatchPaceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MaxSubmitsPerSecond_lets_a_submit_go_only_as_the_batch_clock_allows()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        List<string> paths = BatchImages.Write(_folder, 25);
        var service = new FakeBatchService(clock);

        Task<List<BatchItemResult>> run = BatchDriver.RunAllAsync(service, paths, new BatchOptions { MaxSubmitsPerSecond = 20, MaxConcurrentSubmits = 8 });

        // One submit at once; then one per 50 ms of the clock, however long the test waits in real time.
        await SettlesAtAsync(service, 1);
        clock.Advance(TimeSpan.FromMilliseconds(60));
        await SettlesAtAsync(service, 2);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await SettlesAtAsync(service, 12);
        for (int i = 0; i < 20 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        List<BatchItemResult> results = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(25, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.Equal(25, service.SubmitCalls);
    }

    private static async Task SettlesAtAsync(FakeBatchService service, int submits)
    {
        await Eventually.TrueAsync(() => service.SubmitCalls >= submits);
        await Task.Delay(150);
        Assert.Equal(submits, service.SubmitCalls);
    }
}
