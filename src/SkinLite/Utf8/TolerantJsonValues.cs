using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// Tolerant readers for one JSON value at the reader's current token. A value of a surprising type never throws:
/// it becomes the nearest sensible value or <see langword="null"/>, and the raw JSON still has it.
/// </summary>
internal static class TolerantJsonValues
{
    /// <summary>A string as is; a number or boolean as its JSON text; an object or array as its raw JSON text.</summary>
    public static string? ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return GetString(ref reader);
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(source[start..(int)reader.BytesConsumed]);
            default:
                return null;
        }
    }

    /// <summary>
    /// The string at the reader. The reader does not validate UTF-8 inside strings; transcoding then throws an
    /// <see cref="InvalidOperationException"/>, reported here as the <see cref="JsonException"/> every caller handles.
    /// </summary>
    public static string? GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            throw NotUtf8(ref reader, ex);
        }
    }

    /// <summary>
    /// Fails as <see cref="GetString"/> would for the string at the reader, without keeping it: unescaped into
    /// <paramref name="scratch"/>, which must hold as many characters as the value has bytes.
    /// </summary>
    public static void CheckString(ref Utf8JsonReader reader, scoped Span<char> scratch)
    {
        try
        {
            reader.CopyString(scratch);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            throw NotUtf8(ref reader, ex);
        }
    }

    private static JsonException NotUtf8(ref Utf8JsonReader reader, InvalidOperationException error) =>
        new($"The string at byte {reader.TokenStartIndex + 1} is not valid UTF-8.", error);

    /// <summary>Longer than any property name SkinLite reads.</summary>
    public const int MaxPropertyNameLength = 32;

    /// <summary>
    /// The name at the reader (on a <c>PropertyName</c>), unescaped when it has escapes (rare; that copy is allocated),
    /// so it compares exactly as <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> would. A name too long
    /// to be one SkinLite reads comes back empty, which matches no known name.
    /// </summary>
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        long raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > MaxPropertyNameLength)
        {
            return default;
        }

        byte[] unescaped = new byte[raw];
        return unescaped.AsSpan(0, reader.CopyString(unescaped));
    }

    /// <summary>A string, or <see langword="null"/> for anything else (skipped). Short labels come from <see cref="Utf8StringCache"/>.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return (reader.ValueIsEscaped || reader.HasValueSequence ? null : Utf8StringCache.Get(reader.ValueSpan)) ?? GetString(ref reader);
        }

        reader.Skip();
        return null;
    }

    /// <summary>A whole number; fractions round half away from zero; numeric strings and booleans (1/0) count; the rest is null.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out int whole))
                {
                    return whole;
                }

                return reader.TryGetDouble(out double number) ? Round(number) : null;
            case JsonTokenType.String:
                string? text = GetString(ref reader);
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? Round(parsed) : null;
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary><see langword="true"/> only for a JSON <c>true</c> (or the string <c>"true"</c>).</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        bool value = reader.TokenType == JsonTokenType.True
            || (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("true"u8));
        reader.Skip();
        return value;
    }

    /// <summary>The string items of an array (other items skipped), read-only; anything but an array gives an empty list.</summary>
    /// <param name="reader">On the value token.</param>
    /// <param name="source">The reader's input, where the array's bytes are.</param>
    public static IReadOnlyList<string> ReadStringList(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }

        // The same bytes always make the same list: step over the array (the reader still checks it) and look its bytes
        // up, so the usual answer decodes none of its labels. Only an array not seen before is read item by item.
        int start = (int)reader.TokenStartIndex;
        Utf8JsonReader items = reader;
        reader.Skip();
        ReadOnlySpan<byte> raw = source[start..(int)reader.BytesConsumed];
        return LabelListCache.Find(raw) ?? LabelListCache.Remember(raw, ReadItems(ref items));
    }

    private static IReadOnlyList<string> ReadItems(ref Utf8JsonReader reader)
    {
        // The lists of an answer hold three labels, the same in every concern: gather them on the stack and take the
        // shared list for them (longer lists, never seen in an answer, get an array of their own).
        var first = new FewStrings();
        List<string>? more = null;
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadString(ref reader) is { } item)
            {
                if (count < FewStrings.Length)
                {
                    first[count] = item;
                }
                else
                {
                    (more ??= new List<string>(FewStrings.Length)).Add(item);
                }

                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        if (more is null)
        {
            return LabelListCache.Get(((ReadOnlySpan<string>)first)[..count]);
        }

        var items = new string[count];
        ((ReadOnlySpan<string>)first).CopyTo(items);
        more.CopyTo(items, FewStrings.Length);
        return items;
    }

    private static int? Round(double value) =>
        double.IsFinite(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)Math.Round(value, MidpointRounding.AwayFromZero)
            : null;

    [InlineArray(Length)]
    private struct FewStrings
    {
        public const int Length = LabelListCache.MaxCount;
        private string _first;
    }
}
