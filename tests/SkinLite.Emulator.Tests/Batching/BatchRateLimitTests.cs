using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>A service that allows so many submits a second: the batch finds its pace, and every image is submitted exactly once.</summary>
public sealed class BatchRateLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sixty_images_at_twenty_a_second_all_succeed_each_submitted_once_with_few_refusals()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 60, out Dictionary<string, byte[]> images);
        var settings = Emulated.Instant();
        settings.SubmitRate = 20;
        using var emulator = new SkinAnalysisEmulator(settings);
        SkinLiteClient client = Emulated.Client(emulator);
        var started = System.Diagnostics.Stopwatch.StartNew();

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { MaxConcurrentSubmits = 8, Polling = BatchRuns.FastPolling() });

        started.Stop();
        Assert.All(results, r => Assert.Equal(BatchItemStatus.Succeeded, r.Status));
        Assert.Equal(60, results.Count);
        Assert.All(paths, p => Assert.Equal(1, emulator.Stats.SubmitsOf(images[p])));
        Assert.Equal(60, emulator.Stats.AcceptedSubmits);
        // The burst of 20 goes at once; the other 40 need 2 s at the service's pace. The limit was met, not hammered.
        Assert.InRange(emulator.Stats.RateLimited, 1, 20);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"The batch took {started.Elapsed}.");
    }
}
