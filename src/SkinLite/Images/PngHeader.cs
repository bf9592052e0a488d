using System.Buffers.Binary;

namespace SkinLite;

/// <summary>Reads width and height from a PNG's first chunk, which the format requires to be a 13-byte IHDR.</summary>
internal static class PngHeader
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Signature, chunk length, chunk type and the IHDR fields up to the interlace method.</summary>
    public const int Length = 8 + 4 + 4 + 13;

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

        return HeaderVerdict.Size((int)width, (int)height);
    }

    private static bool IsValidDepth(byte colorType, byte bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };
}
