using BenchmarkDotNet.Attributes;

namespace SkinLite.Benchmarks.Polling;

/// <summary>The poll round trip on the in-process emulator handler: no sockets, so the client's own cost shows most.</summary>
[BenchmarkCategory("poll", "poll-inprocess")]
public class InProcessPollBenchmarks : PollRoundTripBenchmarks
{
    protected override EmulatedService CreateService(bool pending) => EmulatedService.InProcess(pending);
}
