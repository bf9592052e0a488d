namespace SkinLite.Tests.Batching.Support;

/// <summary>Runs a <see cref="BatchRun"/> over a fake service and collects its results.</summary>
internal static class BatchDriver
{
    public static IAsyncEnumerable<BatchItemResult> Run(FakeBatchService service, IEnumerable<string> paths, BatchOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        return BatchRun.RunAsync(service, paths.ToAsyncEnumerable(), options, cancellationToken);
    }

    public static async Task<List<BatchItemResult>> RunAllAsync(FakeBatchService service, IEnumerable<string> paths, BatchOptions options, CancellationToken cancellationToken = default)
    {
        var results = new List<BatchItemResult>();
        await foreach (BatchItemResult item in Run(service, paths, options, cancellationToken))
        {
            results.Add(item);
        }

        return results;
    }
}
