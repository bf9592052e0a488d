using System.Text.Json.Serialization;

namespace SkinLite.Cli.Output;

/// <summary>The source-generated serializer of --json: no reflection, so the native binary needs no metadata.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(OutcomeReport))]
[JsonSerializable(typeof(BatchSummaryDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
