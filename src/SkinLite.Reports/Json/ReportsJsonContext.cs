using System.Text.Json.Serialization;

namespace SkinLite.Reports;

/// <summary>The source-generated (reflection-free) JSON of the save manifest.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SaveManifest))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;
