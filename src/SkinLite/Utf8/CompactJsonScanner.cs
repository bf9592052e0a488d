using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// Steps over values of JSON written on one line, faster than <see cref="Utf8JsonReader"/> because it keeps no token
/// state. It accepts only a strict subset of JSON (no whitespace but one space after a colon or a comma, as
/// <see cref="CompactJson"/> and Python's <c>json.dumps</c> leave it) and answers <see langword="false"/> on anything
/// outside it (other whitespace, deep nesting, a broken value), so a caller can fall back to the reader, which stays the judge of what
/// is malformed. Strings with escapes are handed to a reader of their own, so escapes are checked exactly as before.
/// The caller has checked that the bytes are valid UTF-8.
/// </summary>
internal static class CompactJsonScanner
{
    private const int MaxNesting = 16;

    /// <summary>
    /// Where the plain run of a string ends: its closing quote, an escape, or a control character (an error); -1 when none
    /// is left. 32 bytes at a time (<see cref="Bytes32"/>) with three comparisons, which for the short names and labels that make up most strings
    /// of an answer costs less than a general search's set-up.
    /// </summary>
    private static int IndexOfStringStop(ReadOnlySpan<byte> text)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Bytes32.Size <= text.Length; i += Bytes32.Size)
            {
                var block = new Bytes32(text, i);
                uint stops = block.Mask((byte)'"') | block.Mask((byte)'\\') | block.MaskBelow(0x20);
                if (stops != 0)
                {
                    return i + BitOperations.TrailingZeroCount(stops);
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Steps over the string whose opening quote is at <paramref name="at"/>. On success <paramref name="at"/> is just after
    /// its closing quote and <paramref name="escaped"/> says whether the value has escapes (checked by a reader).
    /// </summary>
    public static bool TryString(ReadOnlySpan<byte> json, ref int at, out bool escaped)
    {
        escaped = false;
        int i = at + 1;
        while (true)
        {
            int stop = i < json.Length ? IndexOfStringStop(json[i..]) : -1;
            if (stop < 0)
            {
                return false;
            }

            i += stop;
            if (json[i] == (byte)'"')
            {
                break;
            }

            if (json[i] != (byte)'\\' || i + 1 >= json.Length)
            {
                return false;
            }

            escaped = true;
            i += 2; // the escaped byte (a quote, a backslash, the u of \uXXXX) never ends the string
        }

        if (escaped)
        {
            // Throws JsonException for a bad escape, as the reader of the whole answer would have.
            var reader = new Utf8JsonReader(json[at..(i + 1)]);
            reader.Read();
        }

        at = i + 1;
        return true;
    }

    /// <summary>A whole number in JSON's form (no fraction, no exponent, no leading zero) that fits an <see cref="int"/>.</summary>
    public static bool TryInt32(ReadOnlySpan<byte> json, ref int at, out int value)
    {
        value = 0;
        int i = at;
        bool negative = i < json.Length && json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        int first = i;
        long number = 0;
        while (i < json.Length && (uint)(json[i] - '0') <= 9 && i - first < 10)
        {
            number = (number * 10) + (json[i] - '0');
            i++;
        }

        int digits = i - first;
        if (digits == 0 || (digits > 1 && json[first] == (byte)'0') || (i < json.Length && !EndsValue(json[i])))
        {
            return false;
        }

        number = negative ? -number : number;
        if (number is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)number;
        at = i;
        return true;
    }

    /// <summary>Steps over a <c>null</c> at <paramref name="at"/>.</summary>
    public static bool TryNull(ReadOnlySpan<byte> json, ref int at) => TryLiteral(json, ref at, "null"u8);

    /// <summary>Steps over any value at <paramref name="at"/>: a string, a number, a literal, an object or an array.</summary>
    public static bool TrySkipValue(ReadOnlySpan<byte> json, ref int at, int nesting = 0)
    {
        if (at >= json.Length || nesting > MaxNesting)
        {
            return false;
        }

        switch (json[at])
        {
            case (byte)'"':
                return TryString(json, ref at, out _);
            case (byte)'{':
                return TryContainer(json, ref at, nesting, (byte)'}');
            case (byte)'[':
                return TryContainer(json, ref at, nesting, (byte)']');
            case (byte)'t':
                return TryLiteral(json, ref at, "true"u8);
            case (byte)'f':
                return TryLiteral(json, ref at, "false"u8);
            case (byte)'n':
                return TryLiteral(json, ref at, "null"u8);
            default:
                return TryNumber(json, ref at);
        }
    }

    /// <summary>
    /// Steps over the member name at <paramref name="at"/> and its colon; <paramref name="name"/> is the name's bytes. A
    /// name with escapes is left to the reader (it is compared unescaped there).
    /// </summary>
    public static bool TryName(ReadOnlySpan<byte> json, ref int at, out ReadOnlySpan<byte> name)
    {
        name = default;
        int start = at;
        if (at >= json.Length || json[at] != (byte)'"' || !TryString(json, ref at, out bool escaped) || escaped
            || at >= json.Length || json[at] != (byte)':')
        {
            at = start;
            return false;
        }

        name = json[(start + 1)..(at - 1)];
        at = SkipSpace(json, at + 1);
        return true;
    }

    /// <summary>After a member or an item: steps over a comma (<see langword="true"/>, another follows) or stays on the closing bracket.</summary>
    public static bool TryNext(ReadOnlySpan<byte> json, ref int at, byte close, out bool more)
    {
        more = false;
        if (at >= json.Length)
        {
            return false;
        }

        if (json[at] == (byte)',')
        {
            at = SkipSpace(json, at + 1);
            more = true;
            return true;
        }

        return json[at] == close;
    }

    /// <summary>One space, if there is one at <paramref name="at"/>.</summary>
    private static int SkipSpace(ReadOnlySpan<byte> json, int at) => at < json.Length && json[at] == (byte)' ' ? at + 1 : at;

    private static bool TryContainer(ReadOnlySpan<byte> json, ref int at, int nesting, byte close)
    {
        int i = at + 1;
        if (i < json.Length && json[i] == close)
        {
            at = i + 1;
            return true;
        }

        bool more = true;
        while (more)
        {
            if ((close == (byte)'}' && !TryName(json, ref i, out _)) || !TrySkipValue(json, ref i, nesting + 1) || !TryNext(json, ref i, close, out more))
            {
                return false;
            }
        }

        at = i + 1;
        return true;
    }

    private static bool TryLiteral(ReadOnlySpan<byte> json, ref int at, ReadOnlySpan<byte> literal)
    {
        if (!json[at..].StartsWith(literal) || (at + literal.Length < json.Length && !EndsValue(json[at + literal.Length])))
        {
            return false;
        }

        at += literal.Length;
        return true;
    }

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool TryNumber(ReadOnlySpan<byte> json, ref int at)
    {
        int i = at;
        if (i < json.Length && json[i] == (byte)'-')
        {
            i++;
        }

        int first = i;
        i = Digits(json, i);
        if (i == first || (i - first > 1 && json[first] == (byte)'0'))
        {
            return false;
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            int fraction = ++i;
            i = Digits(json, i);
            if (i == fraction)
            {
                return false;
            }
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            int exponent = i;
            i = Digits(json, i);
            if (i == exponent)
            {
                return false;
            }
        }

        if (i < json.Length && !EndsValue(json[i]))
        {
            return false;
        }

        at = i;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && (uint)(json[i] - '0') <= 9)
        {
            i++;
        }

        return i;
    }

    /// <summary>What may follow a number or a literal without whitespace: the next member or item, or the end of the container.</summary>
    private static bool EndsValue(byte b) => b is (byte)',' or (byte)']' or (byte)'}';
}
