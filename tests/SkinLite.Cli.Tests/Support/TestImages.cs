using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SkinLite.Cli.Tests.Support;

/// <summary>
/// Crafts the images the tests need in a temporary folder: valid grey PNGs of any size, optionally carrying an emulator
/// marker (in a tEXt chunk, so the image stays valid) or padded past the 5 MB limit, and files that are not images.
/// </summary>
internal sealed class TestImages : IDisposable
{
    public const string NoFaceMarker = SkinLite.Emulator.SkinAnalysisEmulator.NoFaceMarker;
    public const string FailureMarker = SkinLite.Emulator.SkinAnalysisEmulator.FailureMarker;

    private readonly string _folder = Directory.CreateTempSubdirectory("skinlite-cli-tests-").FullName;

    public string Folder => _folder;

    public string Png(string name, int width, int height, string? text = null, int paddingBytes = 0) =>
        Write(name, PngBytes(width, height, text, paddingBytes));

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Gif(string name) => Write(name, [.. "GIF89a"u8, 0x00, 0x04, 0x00, 0x04, 0x80, 0x00, 0x00, .. new byte[64]]);

    public static byte[] PngBytes(int width, int height, string? text = null, int paddingBytes = 0)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0
        Chunk(png, "IHDR", header);
        if (text is not null)
        {
            Chunk(png, "tEXt", [.. "Comment"u8, 0, .. Encoding.ASCII.GetBytes(text)]);
        }

        if (paddingBytes > 0)
        {
            // A private ancillary chunk: decoders skip it, but it counts towards the file size.
            Chunk(png, "spAd", new byte[paddingBytes]);
        }

        Chunk(png, "IDAT", Pixels(width, height));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static byte[] Pixels(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0, then mid-grey pixels
            Array.Fill(row, (byte)128, 1, width);
            for (int y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    /// <summary>The PNG chunk checksum (CRC-32, polynomial 0xEDB88320), bit by bit: the test images are small.</summary>
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

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }
}
