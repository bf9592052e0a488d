using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;
using SkinLite.Benchmarks.Documents;

namespace SkinLite.Benchmarks.Parse;

/// <summary>Group 1, rejection and failure: at most 2x the read-every-token floor, allocating only the message string.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("parse", "parse-error")]
public class ParseErrorAnswerBenchmarks
{
    private byte[] _document = [];

    /// <summary>Which answer: a 200/SUCCESS rejection or a FAILURE.</summary>
    [Params("rejection", "failure")]
    public string Answer { get; set; } = "rejection";

    [GlobalSetup]
    public void Setup()
    {
        _document = Answer == "failure" ? BenchmarkDocuments.Failure : BenchmarkDocuments.Rejection;
        AnalysisOutcome outcome = AnalysisOutcome.Parse(_document);
        if (!(Answer == "failure" ? outcome.IsFailed : outcome.IsRejected) || outcome.Message is null)
        {
            throw new InvalidOperationException($"The {Answer} document parsed as {outcome}.");
        }
    }

    [Benchmark(Baseline = true, Description = "floor: read every token")]
    public int Floor() => TokenFloor.ReadEveryToken(_document);

    [Benchmark(Description = "SkinLite Parse")]
    public string? SkinLite() => AnalysisOutcome.Parse(_document).Message;

    [Benchmark(Description = "STJ source-gen")]
    public PlainPrediction? StjSourceGenerated() => Serializers.StjSourceGenerated(_document);

    [Benchmark(Description = "Newtonsoft")]
    public PlainPrediction? Newtonsoft() => Serializers.NewtonsoftJson(_document);
}
