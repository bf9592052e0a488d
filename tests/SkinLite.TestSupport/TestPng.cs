using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace SkinLite.TestSupport;

/// <summary>
/// The one PNG writer of the tests, the AOT smoke app and the benchmarks. Every chunk carries its real CRC-32, so that
/// any decoder takes what is meant to be valid. Ready-made files:
/// <list type="bullet">
/// <item><see cref="Create"/>: a real 8-bit greyscale image of one shade, optionally padded by a private ancillary chunk and
/// followed by bytes after IEND (the emulator's markers);</item>
/// <item><see cref="Minimal"/>: the least structurally valid file (IHDR, PLTE for colour type 3, one tiny IDAT, IEND) with any declared size, bit depth and colour type;</item>
/// <item><see cref="HeaderOnly"/>: the signature and an IHDR with any declared size, bit depth and colour type, nothing after (a file cut short);</item>
/// <item><see cref="OfSize"/>: a valid image of an exact number of bytes.</item>
/// </list>
/// Anything else is built chunk by chunk: <see cref="Start"/>, <see cref="Header"/>, <see cref="Chunk"/>,
/// <see cref="GreyPixels"/>, <see cref="End"/>, <see cref="ToArray"/>.
/// </summary>
public sealed class TestPng
{
    private readonly MemoryStream _bytes = new();

    private TestPng() => _bytes.Write(Signature);

    /// <summary>The eight bytes every PNG starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A new file holding the signature only.</summary>
    public static TestPng Start() => new();

    /// <summary>
    /// A decodable greyscale <paramref name="width"/> x <paramref name="height"/> image of one <paramref name="shade"/>, with
    /// a private ancillary chunk of <paramref name="padding"/> zero bytes before the pixels when asked, and
    /// <paramref name="trailer"/> (ASCII) after IEND when given.
    /// </summary>
    public static byte[] Create(int width = 1024, int height = 1024, byte shade = 0x80, int padding = 0, string? trailer = null)
    {
        TestPng png = Start().Header((uint)width, (uint)height);
        if (padding > 0)
            png.Chunk("pdNg", new byte[padding]);
        return png.GreyPixels(width, height, shade).End(trailer).ToArray();
    }

    /// <summary>
    /// The least structurally valid file with any declared size, bit depth and colour type: signature, IHDR, a PLTE for
    /// colour type 3, one IDAT of a few (not decodable) bytes, IEND. For the preflight's rules, not for a decoder.
    /// </summary>
    public static byte[] Minimal(uint width, uint height, byte bitDepth = 8, byte colorType = 0)
    {
        TestPng png = Start().Header(width, height, bitDepth, colorType);
        if (colorType == 3)
            png.Chunk("PLTE", [0, 0, 0, 0xFF, 0xFF, 0xFF]);
        return png.Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]).End().ToArray();
    }

    /// <summary>A header only: signature and IHDR with any declared size (even an absurd one), nothing after (so cut short for the preflight).</summary>
    public static byte[] HeaderOnly(uint width, uint height, byte bitDepth = 8, byte colorType = 0) =>
        Start().Header(width, height, bitDepth, colorType).ToArray();

    /// <summary>A valid greyscale image of exactly <paramref name="totalBytes"/> bytes: <see cref="Create"/> padded to that size.</summary>
    public static byte[] OfSize(int totalBytes, int width = 1024, int height = 1024)
    {
        const int ChunkOverhead = 12; // length, type and CRC of the padding chunk
        int padding = totalBytes - Create(width, height).Length - ChunkOverhead;
        if (padding < 1)
            throw new ArgumentOutOfRangeException(nameof(totalBytes), totalBytes, $"A {width}x{height} test PNG needs more bytes than that.");
        byte[] png = Create(width, height, padding: padding);
        return png.Length == totalBytes ? png : throw new InvalidOperationException($"Padded to {png.Length} bytes, not {totalBytes}.");
    }

    /// <summary>An IHDR chunk: size, bit depth and colour type (0 greyscale, 2 truecolour, ...); no compression, filter or interlace.</summary>
    public TestPng Header(uint width, uint height, byte bitDepth = 8, byte colorType = 0)
    {
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        return Chunk("IHDR", ihdr);
    }

    /// <summary>An IDAT chunk holding the zlib-compressed rows of an 8-bit greyscale image of one shade.</summary>
    public TestPng GreyPixels(int width, int height, byte shade)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            row.AsSpan(1).Fill(shade); // filter byte 0, then the row
            for (int y = 0; y < height; y++)
                zlib.Write(row);
        }

        return Chunk("IDAT", compressed.ToArray());
    }

    /// <summary>One chunk: length, type, <paramref name="data"/> and the CRC-32 of type and data.</summary>
    public TestPng Chunk(string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        _bytes.Write(word);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        _bytes.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.HashToUInt32(typeAndData));
        _bytes.Write(word);
        return this;
    }

    /// <summary>The IEND chunk, then <paramref name="trailer"/> (ASCII) when given.</summary>
    public TestPng End(string? trailer = null)
    {
        Chunk("IEND", []);
        if (trailer is not null)
            _bytes.Write(Encoding.ASCII.GetBytes(trailer));
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
