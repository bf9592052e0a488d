using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The same JSON document written twice by System.Text.Json: on one line, and indented. The reader compacts a long
/// indented remainder before reading it (CompactJson, a SIMD pass), so the two must read the same; any difference is a
/// bug in that pass. Null for a document System.Text.Json cannot read or write back (not JSON, invalid UTF-8 or a lone
/// surrogate in a string).
/// </summary>
internal static class Relayout
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static (byte[] OneLine, byte[] Indented)? Of(ReadOnlySpan<byte> document)
    {
        ReadOnlySpan<byte> json = document.StartsWith("\uFEFF"u8) ? document[3..] : document;
        try
        {
            using JsonDocument parsed = JsonDocument.Parse(json.ToArray());
            return (Write(parsed, indented: false), Write(parsed, indented: true));
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Write(JsonDocument document, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Encoder, SkipValidation = true }))
        {
            document.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
