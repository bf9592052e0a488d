using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;
using SkinLite.Benchmarks.Documents;

namespace SkinLite.Benchmarks.Parse;

/// <summary>
/// Group 1, pending: classifying a PROCESSING answer. Target: 0 bytes and at most 2x the loop that finds the top-level
/// <c>status</c> and stops; with <c>status</c> last it must still be right, just slower.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("parse", "parse-pending")]
public class ParsePendingBenchmarks
{
    private byte[] _document = [];

    /// <summary>Where <c>status</c> sits in the answer.</summary>
    [Params("status-first", "status-last")]
    public string Layout { get; set; } = "status-first";

    [GlobalSetup]
    public void Setup()
    {
        _document = Layout == "status-last" ? BenchmarkDocuments.PendingStatusLast : BenchmarkDocuments.Pending;
        if (!AnalysisOutcome.Parse(_document).IsPending)
        {
            throw new InvalidOperationException("The pending document did not parse as pending.");
        }
    }

    [Benchmark(Baseline = true, Description = "floor: find status")]
    public bool FindStatus() => TokenFloor.FindStatus(_document);

    [Benchmark(Description = "SkinLite Parse")]
    public bool SkinLite() => AnalysisOutcome.Parse(_document).IsPending;

    [Benchmark(Description = "STJ source-gen")]
    public bool StjSourceGenerated() => Serializers.StjSourceGenerated(_document)?.Status == "PROCESSING";

    [Benchmark(Description = "Newtonsoft")]
    public bool Newtonsoft() => Serializers.NewtonsoftJson(_document)?.Status == "PROCESSING";
}
