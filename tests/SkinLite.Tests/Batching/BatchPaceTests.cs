using System.Diagnostics;
using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>A known submit rate (BatchOptions.MaxSubmitsPerSecond) is never exceeded, even by a service that would take more.</summary>
public sealed class BatchPaceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MaxSubmitsPerSecond_spaces_the_submits_of_a_batch()
    {
        List<string> paths = BatchImages.Write(_folder, 25);
        var service = new FakeBatchService();
        var sentAt = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        service.OnSubmit = (_, _, _) =>
        {
            lock (sentAt)
            {
                sentAt.Add(clock.Elapsed);
            }

            return Task.FromResult(service.NewJob());
        };

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, paths, new BatchOptions { MaxSubmitsPerSecond = 20, MaxConcurrentSubmits = 8 });

        Assert.All(results, r => Assert.Equal(BatchItemStatus.Succeeded, r.Status));
        Assert.Equal(25, sentAt.Count);
        // The first goes at once; the other 24 at 20 a second take 1.2 s at least.
        TimeSpan span = sentAt.Max() - sentAt.Min();
        Assert.True(span >= TimeSpan.FromSeconds(1.1), $"25 submits went in {span}.");
        Assert.True(span < TimeSpan.FromSeconds(6), $"25 submits took {span}.");
    }
}
