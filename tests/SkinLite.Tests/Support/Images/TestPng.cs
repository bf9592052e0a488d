using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SkinLite.Tests.Support;

/// <summary>
/// A minimal PNG writer: an 8-bit greyscale image of one shade, with an optional private ancillary chunk to pad the
/// file to a size, and optional bytes after IEND. Real decoders read its output.
/// </summary>
internal static class TestPng
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Create(int width, int height, byte shade = 0x80, int padding = 0, string? trailer = null)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        WriteChunk(png, "IHDR", ihdr);
        if (padding > 0)
            WriteChunk(png, "pdNg", new byte[padding]);
        WriteChunk(png, "IDAT", Pixels(width, height, shade));
        WriteChunk(png, "IEND", []);
        if (trailer is not null)
            png.Write(Encoding.ASCII.GetBytes(trailer));
        return png.ToArray();
    }

    /// <summary>A header only: signature and IHDR with any declared size (even an absurd one), nothing after.</summary>
    public static byte[] HeaderOnly(uint width, uint height, byte bitDepth = 8, byte colorType = 0)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        WriteChunk(png, "IHDR", ihdr);
        return png.ToArray();
    }

    private static byte[] Pixels(int width, int height, byte shade)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            row.AsSpan(1).Fill(shade); // filter byte 0, then the row
            for (int y = 0; y < height; y++)
                zlib.Write(row);
        }
        return compressed.ToArray();
    }

    /// <summary>Writes one chunk: length, type, data and its CRC.</summary>
    public static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(typeAndData));
        png.Write(crc);
    }
}
