using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SkinLite.Benchmarks.Harness;

// `-- interleaved` runs the alternating harness (see Harness/InterleavedHarness.cs); everything else is BenchmarkDotNet's
// own command line: `--filter`, `--job short|dry`, `--inProcess`, `--list flat`.
if (args.Length > 0 && args[0] == "interleaved")
{
    return InterleavedHarness.Run(args.AsSpan(1));
}

var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary | ConfigOptions.StopOnFirstError);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
