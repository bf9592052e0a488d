namespace SkinLite.TestSupport;

/// <summary>
/// Small files with a real PNG / JPEG structure (1024 x 1024 unless asked otherwise: IHDR, IDAT, IEND; SOI, SOF, SOS,
/// scan data, EOI), so that a submit also passes the image preflight, which walks it; the pixel data is filler that no decoder is meant to read, and every byte value
/// appears in it in an order that is not a plain ramp, so that an offset or a dropped byte shows. Also a GIF header (a
/// format the service refuses) and a way to put any of them in a file. For a decodable image, use <see cref="TestPng.Create"/>.
/// </summary>
public static class TestImages
{
    /// <summary>Signature, a truecolour IHDR, one IDAT of <paramref name="fillerBytes"/> filler bytes, IEND.</summary>
    public static byte[] Png(int width = 1024, int height = 1024, int fillerBytes = 3000) =>
        TestPng.Start().Header((uint)width, (uint)height, colorType: 2).Chunk("IDAT", Filler(fillerBytes)).End().ToArray();

    /// <summary>
    /// Start of image, JFIF, a baseline frame header, a start of scan, <paramref name="fillerBytes"/> filler bytes of scan
    /// data (every <c>FF</c> followed by a stuffed <c>00</c>, as JPEG requires), end of image.
    /// </summary>
    public static byte[] Jpeg(int width = 1024, int height = 1024, int fillerBytes = 3000) =>
        TestJpeg.Start().Jfif().Frame(0xC0, width, height).Scan().Raw(ScanFiller(fillerBytes)).Raw(0xFF, 0xD9).ToArray();

    /// <summary>A 4 x 4 GIF89a header and filler: a real image format, but not one the service takes.</summary>
    public static byte[] Gif() => [.. "GIF89a"u8, 0x00, 0x04, 0x00, 0x04, 0x80, 0x00, 0x00, .. new byte[64]];

    /// <summary>Writes <paramref name="image"/> to a new file in a fresh temporary folder; dispose the folder to delete it.</summary>
    public static TempFolder WriteFile(byte[] image, string fileName, out string path)
    {
        var folder = new TempFolder();
        path = folder.Write(fileName, image);
        return folder;
    }

    /// <summary><see cref="Filler"/> with each <c>FF</c> followed by <c>00</c> (same length), so no marker appears in a scan.</summary>
    public static byte[] ScanFiller(int length)
    {
        byte[] bytes = Filler(length);
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] == 0xFF)
            {
                if (i + 1 < length)
                    bytes[++i] = 0x00;
                else
                    bytes[i] = 0x00;
            }
        }
        return bytes;
    }

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
