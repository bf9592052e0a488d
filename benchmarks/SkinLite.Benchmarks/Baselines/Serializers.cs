using System.Text;
using System.Text.Json;

namespace SkinLite.Benchmarks.Baselines;

/// <summary>The three serializer baselines, each reading UTF-8 bytes (what a poll delivers) into <see cref="PlainPrediction"/>.</summary>
public static class Serializers
{
    private static readonly Newtonsoft.Json.JsonSerializer Vendor = global::Newtonsoft.Json.JsonSerializer.CreateDefault();

    /// <summary>What typical vendor SDKs do: Newtonsoft.Json over a text reader on the bytes.</summary>
    public static PlainPrediction? NewtonsoftJson(byte[] utf8)
    {
        using var text = new StreamReader(new MemoryStream(utf8, writable: false), Encoding.UTF8);
        using var json = new Newtonsoft.Json.JsonTextReader(text);
        return Vendor.Deserialize<PlainPrediction>(json);
    }

    /// <summary>System.Text.Json with reflection-built metadata (default options, cached after the first call).</summary>
#pragma warning disable IL2026, IL3050 // the reflection baseline is reflection on purpose; it is never in the library
    public static PlainPrediction? StjReflection(byte[] utf8) => JsonSerializer.Deserialize<PlainPrediction>(utf8);
#pragma warning restore IL2026, IL3050

    /// <summary>System.Text.Json with source-generated metadata.</summary>
    public static PlainPrediction? StjSourceGenerated(byte[] utf8) => JsonSerializer.Deserialize(utf8, PlainPredictionJsonContext.Default.PlainPrediction);
}
