using System.Text.Json;

namespace SkinLite;

/// <summary>A slice of the retained UTF-8 answer, turned into a <see cref="JsonElement"/> only when someone asks.</summary>
internal sealed class RawJson
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private JsonElement? _element;

    public RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    public JsonElement Element => _element ??= Parse(_utf8);

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        using JsonDocument document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }
}
