using System.Text.Json;

namespace SkinLite;

/// <summary>
/// A slice of the retained UTF-8 answer, turned into a <see cref="JsonElement"/> only when someone asks. A struct held in
/// a mutable field of its owner (an analysis, a concern, a zone): one object fewer per owner on every parse. The element
/// is kept boxed, so a racing first read publishes it whole.
/// </summary>
internal struct RawJson
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private object? _element;

    public RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    public readonly ReadOnlyMemory<byte> Utf8 => _utf8;

    public JsonElement Element => (JsonElement)(_element ??= Parse(_utf8));

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        using JsonDocument document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }
}
