using System.Buffers;

namespace SkinLite;

/// <summary>
/// Copies a JSON value that the reader has already accepted without the whitespace between its tokens. The retained
/// <c>output</c> of an answer is most of what a result costs: a formatted answer (indented, or with a space after every
/// colon) would otherwise keep a quarter more bytes alive for nothing. String contents are copied byte for byte. Where
/// whitespace was removed is written to <see cref="OffsetMap"/>, so offsets taken in the original still find their value.
/// </summary>
internal static class CompactJson
{
    private static readonly SearchValues<byte> QuoteOrWhitespace = SearchValues.Create("\" \t\r\n"u8);
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>A copy of <paramref name="json"/> (one complete, valid JSON value) without insignificant whitespace.</summary>
    /// <param name="json">The value's bytes.</param>
    /// <param name="map">Emptied, then told where whitespace was removed.</param>
    public static byte[] Copy(ReadOnlySpan<byte> json, OffsetMap map)
    {
        map.Clear();
        if (json.IndexOfAny(Whitespace) < 0)
        {
            return json.ToArray(); // nothing to remove (spaces inside strings only send it down the slow path below)
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            int written = Compact(json, scratch, map);
            return map.IsEmpty ? json.ToArray() : scratch.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static int Compact(ReadOnlySpan<byte> json, Span<byte> destination, OffsetMap map)
    {
        int read = 0;
        int written = 0;
        while (read < json.Length)
        {
            int next = json[read..].IndexOfAny(QuoteOrWhitespace);
            int stop = next < 0 ? json.Length : read + next;
            json[read..stop].CopyTo(destination[written..]);
            written += stop - read;
            read = stop;
            if (read == json.Length)
            {
                break;
            }

            if (json[read] == (byte)'"')
            {
                int end = StringEnd(json, read);
                json[read..end].CopyTo(destination[written..]);
                written += end - read;
                read = end;
            }
            else
            {
                int run = json[read..].IndexOfAnyExcept(Whitespace);
                read = run < 0 ? json.Length : read + run;
                map.Removed(read, read - written);
            }
        }

        return written;
    }

    /// <summary>Just past the closing quote of the string that starts at <paramref name="quote"/>.</summary>
    private static int StringEnd(ReadOnlySpan<byte> json, int quote)
    {
        int position = quote + 1;
        while (position < json.Length)
        {
            int next = json[position..].IndexOfAny(QuoteOrBackslash);
            if (next < 0)
            {
                return json.Length; // unreachable for JSON the reader accepted; copy the rest as it is
            }

            position += next;
            if (json[position] == (byte)'"')
            {
                return position + 1;
            }

            position += 2; // the backslash and the byte it escapes (a quote or a backslash needs no further care)
        }

        return json.Length;
    }
}
