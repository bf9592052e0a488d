using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>
/// The poll round trip against the emulator's Kestrel server on 127.0.0.1 (real sockets, HTTP/1.1). The server runs in
/// a process of its own (<see cref="RemoteEmulator"/>), so the Allocated column is the client's alone: the bytes a poll
/// costs the caller's process, SkinLite against transport only.
/// </summary>
[BenchmarkCategory("poll", "poll-loopback")]
public class LoopbackPollBenchmarks : PollRoundTripBenchmarks
{
    private LoopbackService? _loopback;

    protected override EmulatedService CreateService(bool pending)
    {
        _loopback = LoopbackService.StartOutOfProcess(pending);
        return _loopback.Service;
    }

    protected override void DisposeService(EmulatedService service) => _loopback?.Dispose();
}
