using System.Buffers.Binary;
using System.Text;

namespace SkinLite.TestSupport;

/// <summary>
/// The one JPEG crafter of the tests: files made byte by byte, a start of image, any segments before the frame header
/// (JFIF, EXIF, fill bytes), a baseline or progressive frame header, a scan and an end of image. Only the structure is
/// real; the scan data is filler.
/// </summary>
public sealed class TestJpeg
{
    private readonly MemoryStream _bytes = new();

    private TestJpeg() => _bytes.Write([0xFF, 0xD8]);

    public static TestJpeg Start() => new();

    /// <summary>A whole baseline JPEG with a JFIF header and an EXIF block of <paramref name="exifBytes"/>.</summary>
    public static byte[] Create(int width, int height, int exifBytes = 0, string? trailer = null)
    {
        TestJpeg jpeg = Start().Jfif();
        if (exifBytes > 0)
            jpeg.Exif(exifBytes);
        return jpeg.Frame(0xC0, width, height).ScanAndEnd(trailer);
    }

    public TestJpeg Jfif() => Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

    /// <summary>An APP1 EXIF segment of <paramref name="size"/> payload bytes (at most 65533).</summary>
    public TestJpeg Exif(int size)
    {
        var payload = new byte[size];
        "Exif\0\0"u8.CopyTo(payload);
        return Segment(0xE1, payload);
    }

    public TestJpeg Segment(byte marker, ReadOnlySpan<byte> payload)
    {
        _bytes.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        _bytes.Write(length);
        _bytes.Write(payload);
        return this;
    }

    public TestJpeg Raw(params byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>A frame header: <c>FF C0</c> baseline, <c>FF C2</c> progressive, ...</summary>
    public TestJpeg Frame(byte sof, int width, int height)
    {
        Span<byte> payload = stackalloc byte[15];
        payload[0] = 8; // precision
        BinaryPrimitives.WriteUInt16BigEndian(payload[1..], (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(payload[3..], (ushort)width);
        payload[5] = 3; // components: id, sampling, quantisation table
        ((ReadOnlySpan<byte>)[1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]).CopyTo(payload[6..]);
        return Segment(sof, payload);
    }

    /// <summary>A start-of-scan header (SOS) for the three components; the scan data follows with <see cref="Raw"/>.</summary>
    public TestJpeg Scan() => Segment(0xDA, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);

    /// <summary>A start of scan, a few bytes of scan data (one stuffed <c>FF 00</c>), the end of image, then <paramref name="trailer"/>.</summary>
    public byte[] ScanAndEnd(string? trailer = null)
    {
        Scan();
        _bytes.Write([0x12, 0x34, 0x56, 0x78, 0xFF, 0x00, 0x9A]);
        _bytes.Write([0xFF, 0xD9]);
        if (trailer is not null)
            _bytes.Write(Encoding.ASCII.GetBytes(trailer));
        return _bytes.ToArray();
    }

    public byte[] ToArray() => _bytes.ToArray();
}
