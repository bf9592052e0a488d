using BenchmarkDotNet.Attributes;

namespace SkinLite.Benchmarks.Pacing;

/// <summary>
/// The batch's adaptive concurrency limit against <see cref="SemaphoreSlim"/>, the BCL's async gate: a lease taken while
/// one is free (the common case), and a wait that has to queue until a lease comes back, with and without a token that
/// can be cancelled. The design asks for no allocation beyond what <see cref="SemaphoreSlim"/> needs to queue.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("pacing")]
public class ConcurrencyLimitBenchmarks
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly AdaptiveConcurrencyLimit _limit = new(initial: 1, minimum: 1, maximum: 1);
    private readonly CancellationTokenSource _cancel = new();

    [Benchmark(Baseline = true, Description = "SemaphoreSlim, free")]
    public async Task SemaphoreFree()
    {
        await _semaphore.WaitAsync().ConfigureAwait(false);
        _semaphore.Release();
    }

    [Benchmark(Description = "AIMD limit, free")]
    public async Task LimitFree()
    {
        using AdaptiveConcurrencyLimit.Lease lease = await _limit.WaitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [Benchmark(Description = "SemaphoreSlim, queued")]
    public async Task SemaphoreQueued()
    {
        await _semaphore.WaitAsync().ConfigureAwait(false);
        Task queued = _semaphore.WaitAsync();
        _semaphore.Release();
        await queued.ConfigureAwait(false);
        _semaphore.Release();
    }

    [Benchmark(Description = "AIMD limit, queued")]
    public async Task LimitQueued()
    {
        AdaptiveConcurrencyLimit.Lease held = await _limit.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        ValueTask<AdaptiveConcurrencyLimit.Lease> queued = _limit.WaitAsync(CancellationToken.None);
        held.Dispose();
        (await queued.ConfigureAwait(false)).Dispose();
    }

    [Benchmark(Description = "SemaphoreSlim, queued, cancellable")]
    public async Task SemaphoreQueuedCancellable()
    {
        await _semaphore.WaitAsync(_cancel.Token).ConfigureAwait(false);
        Task queued = _semaphore.WaitAsync(_cancel.Token);
        _semaphore.Release();
        await queued.ConfigureAwait(false);
        _semaphore.Release();
    }

    [Benchmark(Description = "AIMD limit, queued, cancellable")]
    public async Task LimitQueuedCancellable()
    {
        AdaptiveConcurrencyLimit.Lease held = await _limit.WaitAsync(_cancel.Token).ConfigureAwait(false);
        ValueTask<AdaptiveConcurrencyLimit.Lease> queued = _limit.WaitAsync(_cancel.Token);
        held.Dispose();
        (await queued.ConfigureAwait(false)).Dispose();
    }
}
