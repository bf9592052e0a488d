using System.Text;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// The fast way to read <c>concerns</c>, three quarters of a finished answer: <see cref="CompactJsonScanner"/> instead of
/// <see cref="Utf8JsonReader"/>, for an answer on one line (as the service sends it, or as an indented one is compacted).
/// It reads the same fields into the same draft as <see cref="SkinDataReader"/>'s reader-based loop (a <c>null</c> reads
/// as the reader reads it) and gives up, having kept nothing, on whatever else it does not expect (whitespace, a number
/// with a fraction, a label that is a number), leaving that answer to the reader.
/// </summary>
internal static class ConcernsScanner
{
    /// <summary>
    /// Reads the array whose <c>[</c> is at <paramref name="start"/> into <paramref name="draft"/>; on success
    /// <paramref name="end"/> is the index of its <c>]</c>. Concern offsets are relative to <paramref name="origin"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int start, int origin, SkinDataDraft draft, out int end)
    {
        end = 0;
        int kept = draft.Concerns.Count;
        int i = start + 1;
        bool more = i >= json.Length || json[i] != (byte)']';
        while (more)
        {
            int item = i;
            bool read = i < json.Length && json[i] == (byte)'{'
                ? TryReadConcern(json, ref i, out SkinConcernFields concern) && Keep(draft, item - origin, i - item, concern)
                : CompactJsonScanner.TrySkipValue(json, ref i);
            if (!read || !CompactJsonScanner.TryNext(json, ref i, (byte)']', out more))
            {
                draft.Concerns.RemoveRange(kept, draft.Concerns.Count - kept);
                return false;
            }
        }

        end = i;
        return true;
    }

    private static bool Keep(SkinDataDraft draft, int start, int length, in SkinConcernFields concern)
    {
        draft.Concerns.Add((start, length, concern));
        return true;
    }

    private static bool TryReadConcern(ReadOnlySpan<byte> json, ref int at, out SkinConcernFields c)
    {
        c = default;
        int start = at;
        int i = at + 1;
        bool more = i >= json.Length || json[i] != (byte)'}';
        while (more)
        {
            if (!CompactJsonScanner.TryName(json, ref i, out ReadOnlySpan<byte> name) || i >= json.Length)
            {
                return false;
            }

            bool read = SkinConcernFields.Identify(name) switch
            {
                SkinConcernField.Name => TryLabel(json, ref i, out c.Name),
                SkinConcernField.Value => TryValue(json, ref i, out c.Value),
                SkinConcernField.Image => TryText(json, ref i, start, out c.ImageUrl),
                SkinConcernField.Severity => TryLabel(json, ref i, out c.Severity),
                SkinConcernField.Analyses => TryText(json, ref i, start, out c.Analyses),
                SkinConcernField.TechName => TryLabel(json, ref i, out c.TechName),
                SkinConcernField.AreaName => TryLabel(json, ref i, out c.AreaName),
                SkinConcernField.ScoreRange => TryLabels(json, ref i, out c.ScoreRange),
                SkinConcernField.Description => TryText(json, ref i, start, out c.Description),
                SkinConcernField.SeverityList => TryLabels(json, ref i, out c.SeverityList),
                _ => CompactJsonScanner.TrySkipValue(json, ref i),
            };
            if (!read || !CompactJsonScanner.TryNext(json, ref i, (byte)'}', out more))
            {
                return false;
            }
        }

        at = i + 1;
        return true;
    }

    /// <summary>A short label, shared as the reader's loop shares it; only a string or null is taken here.</summary>
    private static bool TryLabel(ReadOnlySpan<byte> json, ref int at, out string? label)
    {
        int token = at;
        bool read = TryStringOrNull(json, ref at, out bool isNull, out bool escaped);
        label = !read || isNull ? null
            : escaped ? ReadEscaped(json[token..at])
            : Utf8StringCache.Get(json[(token + 1)..(at - 1)]) ?? Encoding.UTF8.GetString(json[(token + 1)..(at - 1)]);
        return read;

        static string? ReadEscaped(ReadOnlySpan<byte> token)
        {
            Utf8JsonReader reader = ReaderOn(token);
            return TolerantJsonValues.ReadString(ref reader);
        }
    }

    private static bool TryValue(ReadOnlySpan<byte> json, ref int at, out int? value)
    {
        if (json[at] == (byte)'n')
        {
            value = null;
            return CompactJsonScanner.TryNull(json, ref at);
        }

        bool read = CompactJsonScanner.TryInt32(json, ref at, out int whole);
        value = whole;
        return read;
    }

    /// <summary>A long text, kept as a range of the concern's bytes (see <see cref="LazyUtf8String"/>).</summary>
    private static bool TryText(ReadOnlySpan<byte> json, ref int at, int owner, out LazyUtf8String text)
    {
        int token = at;
        bool read = TryStringOrNull(json, ref at, out bool isNull, out bool escaped);
        text = !read || isNull ? default
            : escaped ? ReadEscaped(json[token..at], owner - token)
            : LazyUtf8String.Plain(token + 1 - owner, at - token - 2);
        return read;

        static LazyUtf8String ReadEscaped(ReadOnlySpan<byte> token, int origin)
        {
            Utf8JsonReader reader = ReaderOn(token);
            return LazyUtf8String.Read(ref reader, origin, knownValidUtf8: true);
        }
    }

    /// <summary>A label list: the shared list for these bytes, or read by the reader's own code the first time.</summary>
    private static bool TryLabels(ReadOnlySpan<byte> json, ref int at, out IReadOnlyList<string>? labels)
    {
        labels = null;
        int token = at;
        if (json[at] == (byte)'n')
        {
            labels = [];
            return CompactJsonScanner.TryNull(json, ref at);
        }

        if (json[at] == (byte)'[' && LabelListCache.FindAt(json[at..], out int known) is { } seen)
        {
            labels = seen;
            at += known;
            return true;
        }

        if (json[at] != (byte)'[' || !CompactJsonScanner.TrySkipValue(json, ref at))
        {
            return false;
        }

        ReadOnlySpan<byte> array = json[token..at];
        if ((labels = LabelListCache.Find(array)) is null)
        {
            Utf8JsonReader reader = ReaderOn(array);
            labels = TolerantJsonValues.ReadStringList(ref reader, array);
        }

        return true;
    }

    /// <summary>Steps over a string or a <c>null</c>; <see langword="false"/> for any other value.</summary>
    private static bool TryStringOrNull(ReadOnlySpan<byte> json, ref int at, out bool isNull, out bool escaped)
    {
        escaped = false;
        isNull = json[at] == (byte)'n';
        return isNull ? CompactJsonScanner.TryNull(json, ref at) : json[at] == (byte)'"' && CompactJsonScanner.TryString(json, ref at, out escaped);
    }

    /// <summary>A reader on one value, standing on its first token.</summary>
    private static Utf8JsonReader ReaderOn(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        reader.Read();
        return reader;
    }
}
