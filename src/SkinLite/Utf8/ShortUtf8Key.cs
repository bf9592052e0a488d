using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SkinLite;

/// <summary>
/// Up to <see cref="MaxLength"/> bytes held in four machine words and a length, so a table of short labels compares a
/// key in a few register operations instead of a call to compare spans and a load of the stored bytes. The words are
/// overlapping reads that together cover every byte, so two keys are equal exactly when their bytes are.
/// </summary>
internal readonly struct ShortUtf8Key : IEquatable<ShortUtf8Key>
{
    public const int MaxLength = 32;

    private readonly ulong _head;
    private readonly ulong _tail;
    private readonly ulong _head2;
    private readonly ulong _tail2;
    private readonly int _length;

    /// <param name="utf8">At most <see cref="MaxLength"/> bytes.</param>
    public ShortUtf8Key(ReadOnlySpan<byte> utf8)
    {
        int n = utf8.Length;
        if ((uint)n > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(utf8), n, $"A short key holds at most {MaxLength} bytes.");
        }

        _length = n;
        ref byte first = ref MemoryMarshal.GetReference(utf8);
        if (n >= sizeof(ulong))
        {
            // [0, 8) and [n - 8, n) cover up to 16 bytes; [8, 16) and [n - 16, n - 8) the rest up to 32.
            _head = Unsafe.ReadUnaligned<ulong>(ref first);
            _tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, n - sizeof(ulong)));
            if (n > 2 * sizeof(ulong))
            {
                _head2 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, sizeof(ulong)));
                _tail2 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, n - (2 * sizeof(ulong))));
            }
        }
        else if (n >= sizeof(uint))
        {
            _head = Unsafe.ReadUnaligned<uint>(ref first);
            _tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, n - sizeof(uint)));
        }
        else if (n > 0)
        {
            // One to three bytes: the first, the middle and the last are all of them.
            _head = first | ((ulong)Unsafe.Add(ref first, n / 2) << 8) | ((ulong)Unsafe.Add(ref first, n - 1) << 16);
        }
    }

    public int Length => _length;

    /// <summary>A hash that mixes every word (the table compares keys in full anyway).</summary>
    public uint Hash
    {
        get
        {
            ulong mixed = (_head * 0x9E3779B97F4A7C15UL) ^ (_tail * 0xC2B2AE3D27D4EB4FUL) ^ (_head2 + _tail2) ^ (ulong)_length;
            return (uint)(mixed >> 32) ^ (uint)mixed;
        }
    }

    public bool Equals(ShortUtf8Key other) =>
        _head == other._head && _tail == other._tail && _length == other._length && _head2 == other._head2 && _tail2 == other._tail2;

    public override bool Equals(object? obj) => obj is ShortUtf8Key other && Equals(other);

    public override int GetHashCode() => (int)Hash;
}
