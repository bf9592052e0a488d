using System.Buffers.Binary;

namespace SkinLite.Tests.Support;

/// <summary>
/// Small images with real PNG / JPEG headers (1024 x 1024 unless asked otherwise), so that a submit would also pass an
/// image preflight that reads the header; the pixel data is filler, which the service never sees in these tests.
/// </summary>
internal static class TestImages
{
    public static byte[] Png(int width = 1024, int height = 1024, int fillerBytes = 3000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        TestPng.WriteChunk(png, "IHDR", header);
        TestPng.WriteChunk(png, "IDAT", Filler(fillerBytes));
        TestPng.WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Jpeg(int width = 1024, int height = 1024, int fillerBytes = 3000)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        // SOF0: length 17, 8-bit precision, height, width, three components.
        byte[] frame = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(7), (ushort)width);
        jpeg.Write(frame);
        jpeg.Write(Filler(fillerBytes));
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>Writes <paramref name="image"/> to a new file in a fresh temporary folder; dispose the folder to delete it.</summary>
    public static TempFolder WriteFile(byte[] image, string fileName, out string path)
    {
        var folder = new TempFolder();
        path = Path.Combine(folder.Path, fileName);
        File.WriteAllBytes(path, image);
        return folder;
    }

    /// <summary>Every byte value, in an order that is not a plain ramp, so that an offset or a dropped byte shows.</summary>
    private static byte[] Filler(int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 7919) ^ (i >> 8));
        }
        return bytes;
    }
}
