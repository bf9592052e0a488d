using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;

namespace SkinLite.Benchmarks.Polling;

/// <summary>
/// One poll of one job, pending or finished, against the emulator. Baseline: "transport only" (<c>GetAsync</c> +
/// <c>ReadAsByteArrayAsync</c>, no parse); the everyday way is <c>GetFromJsonAsync</c> with a source-generated context
/// plus the classification SkinLite does. Targets (loopback): pending at most 1.15x the time and 1.0x the allocation of
/// transport only; success at most 1.3x the time and 1.0x the allocation. Subclasses choose the transport.
/// </summary>
[MemoryDiagnoser]
public abstract class PollRoundTripBenchmarks
{
    private EmulatedService _service = null!;
    private SkinAnalysisJob _job = null!;
    private Uri _resultUri = null!;

    /// <summary>Whether the job is still running or has finished with an analysis.</summary>
    [Params("pending", "success")]
    public string State { get; set; } = "pending";

    [GlobalSetup]
    public void Setup()
    {
        _service = CreateService(State == "pending");
        _job = _service.Submit();
        _resultUri = _service.ResultUri(_job);
        AnalysisOutcome outcome = SkinLite().GetAwaiter().GetResult();
        if (outcome.IsPending != (State == "pending") || (State == "success" && !outcome.IsSucceeded))
        {
            throw new InvalidOperationException($"The {State} job polled as {outcome}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => DisposeService(_service);

    [Benchmark(Baseline = true, Description = "transport only: GetAsync + ReadAsByteArrayAsync")]
    public async Task<int> TransportOnly()
    {
        using HttpResponseMessage response = await _service.Http.GetAsync(_resultUri).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
    }

    [Benchmark(Description = "SkinLite GetOutcomeAsync")]
    public Task<AnalysisOutcome> SkinLite() => _service.Client.GetOutcomeAsync(_job);

    [Benchmark(Description = "GetFromJsonAsync (STJ source-gen) + classify")]
    public async Task<OutcomeKind> GetFromJson()
    {
        PlainPrediction? answer = await _service.Http.GetFromJsonAsync(_resultUri, PlainPredictionJsonContext.Default.PlainPrediction).ConfigureAwait(false);
        return EverydayClassification.Classify(answer);
    }

    protected abstract EmulatedService CreateService(bool pending);

    protected virtual void DisposeService(EmulatedService service) => service.Dispose();
}
