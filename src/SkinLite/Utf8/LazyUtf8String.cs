using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SkinLite;

/// <summary>
/// A long string value (a URL, a description) left as UTF-8 in the retained answer and decoded the first time it is
/// read: a poller that only wants the scores never pays for the prose. The offsets are relative to the owner's bytes
/// (the <c>output</c> object, a concern, a zone). Escaped values are unescaped on first read too, but checked at parse
/// time (on the stack, nothing kept), and invalid UTF-8 is decoded at once: a bad value is still a
/// <see cref="JsonException"/> at parse time, so the text and any error are the same either way.
/// </summary>
internal struct LazyUtf8String
{
    /// <summary>Longer escaped values are unescaped at parse time instead of being checked on the stack.</summary>
    private const int MaxCheckedOnStack = 512;

    private readonly int _start;

    // The value's length in bytes plus one (0: no value), negated when the value has escapes.
    private readonly int _length;
    private string? _value;

    private LazyUtf8String(int start, int length, string? value)
    {
        _start = start;
        _length = length;
        _value = value;
    }

    /// <summary>Reads the value at the reader: a string is kept as a range (or decoded now), anything else is skipped and null.</summary>
    /// <param name="reader">On the value token.</param>
    /// <param name="origin">Where the owner's bytes start in the reader's input.</param>
    /// <param name="knownValidUtf8">The caller checked a stretch of the input holding this value in one pass: it is valid UTF-8.</param>
    public static LazyUtf8String Read(ref Utf8JsonReader reader, int origin, bool knownValidUtf8)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return default;
        }

        int start = (int)reader.TokenStartIndex + 1 - origin;
        int length = reader.ValueSpan.Length;
        if (reader.HasValueSequence || (reader.ValueIsEscaped ? length > MaxCheckedOnStack : !knownValidUtf8 && !Utf8.IsValid(reader.ValueSpan)))
        {
            return new LazyUtf8String(0, 0, TolerantJsonValues.GetString(ref reader));
        }

        if (reader.ValueIsEscaped)
        {
            // Unescaped, the value has at most as many UTF-16 characters as it has bytes escaped.
            TolerantJsonValues.CheckString(ref reader, stackalloc char[length]);
            return new LazyUtf8String(start, -(length + 1), null);
        }

        return new LazyUtf8String(start, length + 1, null);
    }

    /// <summary>A value without escapes, known to be valid UTF-8, at <paramref name="start"/> of its owner's bytes.</summary>
    public static LazyUtf8String Plain(int start, int length) => new(start, length + 1, null);

    /// <summary>The text, decoded from <paramref name="owner"/> on first use; <see langword="null"/> when the value was not a string.</summary>
    public string? Get(ReadOnlyMemory<byte> owner)
    {
        if (_value is null && _length != 0)
        {
            // Races only decode twice into equal strings.
            _value = _length > 0 ? Encoding.UTF8.GetString(owner.Span.Slice(_start, _length - 1)) : Unescape(owner.Span.Slice(_start - 1, -_length + 1));
        }

        return _value;
    }

    /// <summary>The string token (with its quotes, a JSON document of its own), unescaped; it was checked at parse time.</summary>
    private static string? Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString();
    }
}
