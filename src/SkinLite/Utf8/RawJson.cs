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

    /// <remarks>
    /// The readers never decode the parts they skip, so a slice may hold invalid UTF-8 that System.Text.Json would refuse
    /// later, from a caller's <c>GetRawText()</c> or <c>GetString()</c>, with an exception that is not SkinLite's. Such
    /// bytes become U+FFFD here, as every string SkinLite reads does; the check runs once per element, off the parse path.
    /// </remarks>
    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            utf8 = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(utf8.Span));
        }

        using JsonDocument document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }
}
