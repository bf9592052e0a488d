using System.Buffers.Binary;

namespace SkinLite;

/// <summary>Reads width and height from a PNG's first chunk, which the format requires to be a 13-byte IHDR, and checks its CRC-32.</summary>
internal static class PngHeader
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Signature, chunk length, chunk type and the IHDR fields up to the interlace method.</summary>
    public const int Length = 8 + 4 + 4 + 13;

    /// <summary>Where the IHDR chunk ends: after its CRC-32.</summary>
    public const int End = Length + 4;

    public static HeaderVerdict Read(ReadOnlySpan<byte> head)
    {
        if (head.Length < Length)
        {
            return HeaderVerdict.More;
        }

        uint chunkLength = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
        ReadOnlySpan<byte> chunkType = head.Slice(12, 4);
        if (!chunkType.SequenceEqual("IHDR"u8) || chunkLength != 13)
        {
            return HeaderVerdict.Corrupt("it has a PNG signature but its first chunk is not a 13-byte IHDR header");
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(head[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(head[20..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            return HeaderVerdict.Corrupt($"its PNG header declares {width}x{height} pixels; PNG allows 1 to {int.MaxValue} per side");
        }

        byte bitDepth = head[24];
        byte colorType = head[25];
        if (!IsValidDepth(colorType, bitDepth))
        {
            return HeaderVerdict.Corrupt($"its PNG header declares bit depth {bitDepth} with colour type {colorType}, a combination PNG does not allow");
        }

        if (head.Length < End)
        {
            return HeaderVerdict.More;
        }

        uint stored = BinaryPrimitives.ReadUInt32BigEndian(head[Length..]);
        uint computed = Crc32(head[12..Length]);
        if (stored != computed)
        {
            return HeaderVerdict.Corrupt($"its PNG header chunk (IHDR) has the CRC {stored:X8} but its bytes give {computed:X8}: the header is damaged");
        }

        return HeaderVerdict.Size((int)width, (int)height);
    }

    /// <summary>The PNG CRC-32 (ISO 3309, reflected 0xEDB88320) of a few bytes, bit by bit: only the 17 bytes of IHDR are checked.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static bool IsValidDepth(byte colorType, byte bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };
}
