using System.Numerics;
using System.Runtime.Intrinsics;

namespace SkinLite;

/// <summary>
/// Removes the line breaks and indentation of a formatted JSON text, 32 bytes at a time. <see cref="System.Text.Json.Utf8JsonReader"/>
/// spends most of its time on an indented answer stepping over whitespace, and the retained <c>output</c> would keep the
/// whitespace alive too (docs/performance.md, "What the layouts show", has the measurements). Removed:
/// every line break or tab outside a string, and the spaces and breaks that follow it. Strings are tracked (quotes, with
/// escapes), so a raw line break inside a string, which is not valid JSON, is left for the reader to reject; a space
/// after a colon stays, and so does one byte of whitespace between two numbers or literals. The text is not validated
/// here: the reader still reads every token of the result.
/// </summary>
internal static class CompactJson
{
    private const int BlockSize = Bytes32.Size;

    /// <summary>Whether <paramref name="json"/> has anything <see cref="Compact"/> would remove (a line break or a tab).</summary>
    public static bool IsFormatted(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\t') >= 0;

    /// <summary>Writes <paramref name="json"/> without its formatting to <paramref name="destination"/> (at least as long) and says how many bytes that took.</summary>
    public static int Compact(ReadOnlySpan<byte> json, Span<byte> destination)
    {
        if (destination.Length < json.Length)
        {
            throw new ArgumentException("The destination is shorter than the JSON.", nameof(destination));
        }

        var copy = new Copier();
        int position = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; position + BlockSize <= json.Length; position += BlockSize)
            {
                copy.Block(json, destination, position);
            }
        }

        copy.Bytes(json, destination, position, json.Length);
        copy.Keep(json, destination, json.Length);
        return copy.Written;
    }

    /// <summary>How far the copy is, and what the last byte looked at leaves open for the next one.</summary>
    private struct Copier
    {
        private int _read;
        private bool _inString;
        private bool _escaped;
        private bool _afterBreak;

        public int Written { get; private set; }

        public void Block(ReadOnlySpan<byte> json, Span<byte> destination, int start)
        {
            var block = new Bytes32(json, start);
            uint backslashes = block.Mask((byte)'\\');
            if (backslashes != 0 || _escaped)
            {
                Bytes(json, destination, start, start + BlockSize); // escapes: the byte-by-byte rules
                return;
            }

            // Bit i is byte start + i. Inside a string: an odd number of quotes so far (prefix XOR), carried over blocks.
            uint inside = PrefixXor(block.Mask((byte)'"')) ^ (_inString ? uint.MaxValue : 0u);
            _inString = (int)inside < 0;
            uint breaks = (block.Mask((byte)'\n') | block.Mask((byte)'\r') | block.Mask((byte)'\t')) & ~inside;
            if (breaks == 0 && !_afterBreak)
            {
                return;
            }

            uint whitespace = (breaks | block.Mask((byte)' ')) & ~inside;

            // Adding the breaks (and a run carried in at bit 0) to the whitespace carries through each run of whitespace
            // from its first break to its end: the bits that carry clears are the ones to remove.
            ulong sum = (ulong)whitespace + breaks + (_afterBreak ? 1u : 0u);
            uint removed = (whitespace & ~(uint)sum) | breaks;
            _afterBreak = (sum >> BlockSize) != 0;
            while (removed != 0)
            {
                int first = BitOperations.TrailingZeroCount(removed);
                int length = BitOperations.TrailingZeroCount(~(removed >> first));
                Remove(json, destination, start + first, start + first + length);
                removed = first + length >= BlockSize ? 0 : removed & (uint.MaxValue << (first + length));
            }
        }

        public void Bytes(ReadOnlySpan<byte> json, Span<byte> destination, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                byte b = json[i];
                if (_inString)
                {
                    _inString = _escaped || b != (byte)'"';
                    _escaped = !_escaped && b == (byte)'\\';
                    continue;
                }

                _inString = b == (byte)'"';
                _afterBreak = b is (byte)'\n' or (byte)'\r' or (byte)'\t' || (_afterBreak && b == (byte)' ');
                if (_afterBreak)
                {
                    Remove(json, destination, i, i + 1);
                }
            }
        }

        /// <summary>Copies what is kept up to <paramref name="end"/>.</summary>
        public void Keep(ReadOnlySpan<byte> json, Span<byte> destination, int end)
        {
            json[_read..end].CopyTo(destination[Written..]);
            Written += end - _read;
            _read = end;
        }

        private void Remove(ReadOnlySpan<byte> json, Span<byte> destination, int start, int end)
        {
            if (start > _read)
            {
                Keep(json, destination, start);
            }

            // Whitespace between two numbers or literals (0.7 1, tr ue) is malformed; removing it would make one valid
            // token (0.71, true) of them. One byte of it stays, so the reader still rejects the text.
            if (Written > 0 && IsTokenByte(destination[Written - 1]) && IsTokenByte(NextKept(json, end)))
            {
                Keep(json, destination, start + 1);
            }

            _read = end;
        }

        /// <summary>The first byte from <paramref name="at"/> that is not whitespace (0 at the end).</summary>
        private static byte NextKept(ReadOnlySpan<byte> json, int at)
        {
            while (at < json.Length && json[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                at++;
            }

            return at < json.Length ? json[at] : (byte)0;
        }

        /// <summary>A byte of a number or a literal (true, false, null).</summary>
        private static bool IsTokenByte(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b is (byte)'.' or (byte)'+' or (byte)'-';

        private static uint PrefixXor(uint bits)
        {
            bits ^= bits << 1;
            bits ^= bits << 2;
            bits ^= bits << 4;
            bits ^= bits << 8;
            return bits ^ (bits << 16);
        }
    }
}
