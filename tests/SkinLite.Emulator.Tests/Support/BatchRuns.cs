namespace SkinLite.Emulator.Tests.Support;

/// <summary>Runs a batch through a client and collects what it yields; the polling a batch test wants against an emulator.</summary>
internal static class BatchRuns
{
    /// <summary>Polls at once and then every 20 ms: the emulator's jobs end when they end, not on a second's boundary.</summary>
    public static PollingOptions FastPolling() => new() { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(50) };

    public static async Task<List<BatchItemResult>> CollectAsync(SkinLiteClient client, IEnumerable<string> paths, BatchOptions options, CancellationToken cancellationToken = default)
    {
        var results = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options, cancellationToken))
        {
            results.Add(item);
        }

        return results;
    }

    /// <summary>Writes <paramref name="count"/> distinct 1024x1024 faces as face-N.png; <paramref name="images"/> gets their bytes, by path.</summary>
    public static List<string> WriteFaces(TempFolder folder, int count, out Dictionary<string, byte[]> images, int firstShade = 0x30)
    {
        images = [];
        var paths = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            byte[] face = Emulated.Face((byte)(firstShade + i));
            string path = folder.Write($"face-{i}.png", face);
            images[path] = face;
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Waits, in real time, for a condition that the batch is about to make true.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, double seconds = 10)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"The condition did not come true within {seconds} s.");
            await Task.Delay(10);
        }
    }
}
