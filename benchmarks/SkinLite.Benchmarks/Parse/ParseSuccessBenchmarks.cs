using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;
using SkinLite.Benchmarks.Documents;

namespace SkinLite.Benchmarks.Parse;

/// <summary>
/// Group 1, success: the real 10 KB recorded analysis into the typed result. Targets: at most 2x the read-every-token
/// floor (stretch 1.7x), 5x faster than Newtonsoft, 1.5x faster than source-generated STJ, and at most half its allocation.
/// The recorded file is indented; the one-line layout shows the same answer as a compact-JSON service would send it.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("parse", "parse-success")]
public class ParseSuccessBenchmarks
{
    private byte[] _document = [];

    /// <summary>The recorded answer byte for byte (indented), or the same answer on one line.</summary>
    [Params("recorded", "one-line")]
    public string Layout { get; set; } = "recorded";

    [GlobalSetup]
    public void Setup()
    {
        _document = Layout == "one-line" ? BenchmarkDocuments.SuccessOnOneLine : BenchmarkDocuments.Success;
        if (AnalysisOutcome.Parse(_document).Result.Concerns.Count != 9)
        {
            throw new InvalidOperationException("The recorded success did not parse into its 9 concerns.");
        }
    }

    [Benchmark(Baseline = true, Description = "floor: read every token")]
    public int Floor() => TokenFloor.ReadEveryToken(_document);

    [Benchmark(Description = "SkinLite Parse")]
    public SkinAnalysis SkinLite() => AnalysisOutcome.Parse(_document).Result;

    [Benchmark(Description = "SkinLite Parse + read every field")]
    public int SkinLiteReadEveryField() => TypedResult.TouchEveryField(AnalysisOutcome.Parse(_document).Result);

    [Benchmark(Description = "STJ source-gen")]
    public PlainPrediction? StjSourceGenerated() => Serializers.StjSourceGenerated(_document);

    [Benchmark(Description = "STJ reflection")]
    public PlainPrediction? StjReflection() => Serializers.StjReflection(_document);

    [Benchmark(Description = "Newtonsoft")]
    public PlainPrediction? Newtonsoft() => Serializers.NewtonsoftJson(_document);
}
