namespace SkinLite;

/// <summary>
/// A UTF-8 byte-order mark before a JSON text, which some servers and editors write. JSON allows a parser to ignore it;
/// <see cref="System.Text.Json.Utf8JsonReader"/> refuses it, so the readers skip it first.
/// </summary>
internal static class ByteOrderMark
{
    public static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> json) => json.StartsWith("\uFEFF"u8) ? json[3..] : json;
}
