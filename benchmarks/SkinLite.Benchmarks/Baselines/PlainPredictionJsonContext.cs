using System.Text.Json.Serialization;

namespace SkinLite.Benchmarks.Baselines;

/// <summary>The source-generated System.Text.Json baseline: the everyday way to read a poll answer without reflection.</summary>
[JsonSerializable(typeof(PlainPrediction))]
public sealed partial class PlainPredictionJsonContext : JsonSerializerContext
{
}
