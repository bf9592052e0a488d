using System.Text.Json.Serialization;

namespace SkinLite;

/// <summary>The one source-generated serializer context of the library: no reflection, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SkinAnalysisJob))]
internal sealed partial class SkinLiteJsonContext : JsonSerializerContext
{
}
