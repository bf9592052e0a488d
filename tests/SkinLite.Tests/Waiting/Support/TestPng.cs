using System.Buffers.Binary;

namespace SkinLite.Tests.Waiting;

/// <summary>
/// A PNG whose header says 1024 x 1024: signature, a well-formed IHDR chunk, then filler. Enough for any header
/// preflight to pass; the fake service never decodes it.
/// </summary>
internal static class TestPng
{
    public static byte[] Create(int width = 1024, int height = 1024, int padding = 2048)
    {
        var png = new byte[8 + 25 + padding];
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(png);
        Span<byte> chunk = png.AsSpan(8, 25);
        BinaryPrimitives.WriteInt32BigEndian(chunk, 13);
        "IHDR"u8.CopyTo(chunk[4..]);
        BinaryPrimitives.WriteInt32BigEndian(chunk[8..], width);
        BinaryPrimitives.WriteInt32BigEndian(chunk[12..], height);
        chunk[16] = 8; // bit depth
        chunk[17] = 2; // colour type: truecolour
        BinaryPrimitives.WriteUInt32BigEndian(chunk[21..], Crc32(chunk[4..21]));
        for (int i = 33; i < png.Length; i++)
        {
            png[i] = (byte)(i * 31);
        }

        return png;
    }

    /// <summary>The CRC-32 of PNG chunks (polynomial 0xEDB88320), bit by bit: a dozen bytes do not need a table.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
