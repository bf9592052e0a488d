using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SkinLite;

/// <summary>
/// A long string value (a URL, a description) left as UTF-8 in the retained answer and decoded the first time it is
/// read: a poller that only wants the scores never pays for the prose. The offsets are relative to the owner's bytes
/// (the <c>output</c> object, a concern, a zone). Values the plain decode could get wrong (escaped or invalid UTF-8)
/// are decoded at once, exactly as before (invalid UTF-8 is still a <see cref="JsonException"/> at parse time), so the
/// text and any error are the same either way.
/// </summary>
internal struct Utf8Text
{
    private readonly int _start;
    private readonly int _length;
    private string? _value;

    private Utf8Text(int start, int length, string? value)
    {
        _start = start;
        _length = length;
        _value = value;
    }

    /// <summary>Reads the value at the reader: a string is kept as a range (or decoded now), anything else is skipped and null.</summary>
    /// <param name="reader">On the value token.</param>
    /// <param name="origin">Where the owner's bytes start in the reader's input.</param>
    public static Utf8Text Read(ref Utf8JsonReader reader, int origin)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return default;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || !Utf8.IsValid(reader.ValueSpan))
        {
            return new Utf8Text(0, 0, JsonValues.GetString(ref reader));
        }

        return new Utf8Text((int)reader.TokenStartIndex + 1 - origin, reader.ValueSpan.Length + 1, null);
    }

    /// <summary>The text, decoded from <paramref name="owner"/> on first use; <see langword="null"/> when the value was not a string.</summary>
    public string? Get(ReadOnlyMemory<byte> owner)
    {
        if (_value is null && _length > 0)
        {
            // Races only decode twice into equal strings.
            _value = Encoding.UTF8.GetString(owner.Span.Slice(_start, _length - 1));
        }

        return _value;
    }
}
