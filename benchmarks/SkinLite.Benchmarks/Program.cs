using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SkinLite.Benchmarks.Harness;
using SkinLite.Benchmarks.Imaging;

// `-- interleaved` runs the alternating harness (Harness/InterleavedHarness.cs), `-- jobs` the many-waiting-jobs group
// (Harness/ManyJobs.cs), `-- loop` one method for a profiler (Harness/ProfileLoop.cs), `-- ab <other build> [rounds] [group]` two builds
// interleaved in one process (Harness/BuildComparison.cs), `-- wait-bytes [seconds] [runs]` what a poll of a running wait
// allocates (Harness/WaitBytes.cs), `-- fit <photo> [runs]` the fitter's
// peak memory (Harness/FitPeak.cs), `-- batch-pace [rate] [images] [rounds]` a batch against a rate-limited emulator
// (Harness/BatchPace.cs), `-- batch-memory [count...]` what a batch keeps per image (Harness/BatchMemory.cs), `-- polling-sim [jobs] [seed]`
// the polling schedules on a simulated clock (Harness/PollingSim.cs); everything else is BenchmarkDotNet's own command line: `--filter`, `--job short|dry`,
// `--inProcess`, `--list flat`. `-- serve-emulator pending|success` is the loopback poll group's server process
// (Loopback/RemoteEmulator.cs), not for running by hand; `-- poll-bytes [polls]` what a loopback poll allocates in the
// client's process, step by step (Harness/PollBytes.cs).
if (args.Length > 0 && args[0] == "serve-emulator")
{
    return SkinLite.Benchmarks.Loopback.RemoteEmulator.Serve(args.AsSpan(1));
}

// The loopback poll group serves its emulator from this program started again, also from BenchmarkDotNet's child processes.
SkinLite.Benchmarks.Loopback.RemoteEmulator.RememberHost();

if (args.Length > 0 && args[0] == "interleaved")
{
    return InterleavedHarness.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "jobs")
{
    return ManyJobs.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "fit")
{
    return FitPeak.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "batch-pace")
{
    return BatchPace.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "batch-memory")
{
    return BatchMemory.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "polling-sim")
{
    return PollingSim.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "poll-bytes")
{
    return PollBytes.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "wait-bytes")
{
    return WaitBytes.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "ab")
{
    return BuildComparison.Run(args.AsSpan(1));
}

if (args.Length > 0 && args[0] == "loop")
{
    return ProfileLoop.Run(args.AsSpan(1));
}

// One table per class: each class is one group with its own baseline, so its ratios are its own. Benchmarks of outside
// programs that are not installed (vipsthumbnail, ImageMagick, the native CLI) are left out, with a note.
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.StopOnFirstError).AddFilter(PhotoTools.Filter);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
