using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SkinLite;

/// <summary>
/// 32 bytes of a text in vector registers: one 256-bit vector where the hardware has it, else two 128-bit ones. The
/// caller checks <see cref="Vector128.IsHardwareAccelerated"/> and that 32 bytes are left from the start.
/// </summary>
internal readonly ref struct Bytes32
{
    public const int Size = 32;

    private readonly Vector256<byte> _whole;
    private readonly Vector128<byte> _low;
    private readonly Vector128<byte> _high;

    public Bytes32(ReadOnlySpan<byte> text, int start)
    {
        ref byte origin = ref MemoryMarshal.GetReference(text);
        if (Vector256.IsHardwareAccelerated)
        {
            _whole = Vector256.LoadUnsafe(ref origin, (nuint)start);
        }
        else
        {
            _low = Vector128.LoadUnsafe(ref origin, (nuint)start);
            _high = Vector128.LoadUnsafe(ref origin, (nuint)start + 16);
        }
    }

    /// <summary>Bit i set where byte i is <paramref name="value"/>.</summary>
    public uint Mask(byte value) => Vector256.IsHardwareAccelerated
        ? Vector256.Equals(_whole, Vector256.Create(value)).ExtractMostSignificantBits()
        : Vector128.Equals(_low, Vector128.Create(value)).ExtractMostSignificantBits()
          | (Vector128.Equals(_high, Vector128.Create(value)).ExtractMostSignificantBits() << 16);

    /// <summary>Bit i set where byte i is below <paramref name="value"/> (unsigned).</summary>
    public uint MaskBelow(byte value) => Vector256.IsHardwareAccelerated
        ? Vector256.LessThan(_whole, Vector256.Create(value)).ExtractMostSignificantBits()
        : Vector128.LessThan(_low, Vector128.Create(value)).ExtractMostSignificantBits()
          | (Vector128.LessThan(_high, Vector128.Create(value)).ExtractMostSignificantBits() << 16);
}
