using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>
/// Throughput under concurrency: 64 pollers share one client and poll a finished job (the 10 KB-class success document)
/// over loopback. Each invocation makes <see cref="Pollers"/> x <see cref="PollsEach"/> polls, so the time shown is per
/// poll and its inverse is the throughput. Target: SkinLite at least 0.8x the transport-only throughput, i.e. a ratio
/// of at most 1.25.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("poll", "poll-concurrent")]
public class ConcurrentPollBenchmarks
{
    public const int Pollers = 64;
    public const int PollsEach = 8;

    private LoopbackService _loopback = null!;
    private SkinAnalysisJob _job = null!;
    private Uri _resultUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        _loopback = LoopbackService.Start(pending: false, maxConnections: Pollers);
        _job = _loopback.Service.Submit();
        _resultUri = _loopback.Service.ResultUri(_job);
        if (!_loopback.Service.Client.GetOutcomeAsync(_job).GetAwaiter().GetResult().IsSucceeded)
        {
            throw new InvalidOperationException("The job did not finish at once.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _loopback.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Pollers * PollsEach, Description = "64 pollers, transport only")]
    public Task TransportOnly() => Concurrently(async () =>
    {
        using HttpResponseMessage response = await _loopback.Service.Http.GetAsync(_resultUri).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    });

    [Benchmark(OperationsPerInvoke = Pollers * PollsEach, Description = "64 pollers, SkinLite GetOutcomeAsync")]
    public Task SkinLite() => Concurrently(async () => _ = await _loopback.Service.Client.GetOutcomeAsync(_job).ConfigureAwait(false));

    [Benchmark(OperationsPerInvoke = Pollers * PollsEach, Description = "64 pollers, GetFromJsonAsync (STJ source-gen) + classify")]
    public Task GetFromJson() => Concurrently(async () =>
        _ = EverydayClassification.Classify(await _loopback.Service.Http.GetFromJsonAsync(_resultUri, PlainPredictionJsonContext.Default.PlainPrediction).ConfigureAwait(false)));

    private static Task Concurrently(Func<Task> poll)
    {
        var pollers = new Task[Pollers];
        for (int i = 0; i < pollers.Length; i++)
        {
            pollers[i] = Task.Run(async () =>
            {
                for (int n = 0; n < PollsEach; n++)
                {
                    await poll().ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(pollers);
    }
}
