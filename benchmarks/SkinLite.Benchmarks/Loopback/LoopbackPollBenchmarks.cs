using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>
/// The poll round trip against the emulator's Kestrel server on 127.0.0.1 (real sockets, HTTP/1.1). The server runs in
/// the benchmark process, so its allocations are in every row alike; the ratios compare the clients.
/// </summary>
[BenchmarkCategory("poll", "poll-loopback")]
public class LoopbackPollBenchmarks : PollRoundTripBenchmarks
{
    private LoopbackService? _loopback;

    protected override EmulatedService CreateService(bool pending)
    {
        _loopback = LoopbackService.Start(pending);
        return _loopback.Service;
    }

    protected override void DisposeService(EmulatedService service) => _loopback?.Dispose();
}
