using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace SkinLite.Benchmarks.Imaging;

/// <summary>
/// A camera-like JPEG made in process (no ImageMagick or exiftool needed, so CI's dry run can make it too): smooth
/// gradients and soft skin-toned blobs under seeded sensor-like noise, encoded at q92 (a 12 MP file lands at a few MB,
/// like a phone's), with a hand-built APP1 Exif segment carrying orientation 6 (stored landscape, shown portrait), a
/// make and model, and GPS coordinates. The same size and seed give the same bytes.
/// </summary>
public static class CameraJpeg
{
    public const int Quality = 92;

    /// <summary>The stored (landscape) size of a 12 MP or 48 MP phone photo.</summary>
    public static (int Width, int Height) SizeOf(int megapixels) => megapixels switch
    {
        12 => (4032, 3024),
        48 => (8000, 6000),
        _ => throw new ArgumentOutOfRangeException(nameof(megapixels), megapixels, "12 or 48"),
    };

    public static byte[] Create(int width, int height, int seed = 13)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            Paint(canvas, width, height);
        }

        AddNoise(bitmap, seed);
        byte[] jpeg;
        using (SKPixmap pixmap = bitmap.PeekPixels())
        using (SKData data = pixmap.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("SkiaSharp did not encode the camera JPEG."))
        {
            jpeg = data.ToArray();
        }

        return WithExif(jpeg, Exif());
    }

    private static void Paint(SKCanvas canvas, int width, int height)
    {
        float w = width, h = height;
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(w, h * 0.7f),
                [new SKColor(0x2B, 0x3A, 0x4F), new SKColor(0x8C, 0x9E, 0xA8), new SKColor(0xD9, 0xC8, 0xB0)],
                [0f, 0.55f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, w, h, background);
        }

        // A face-sized skin-toned blob off centre (so a wrong rotation shows), a few smaller ones, a dark hair-like band.
        (float X, float Y, float R, SKColor Inner, SKColor Outer)[] blobs =
        [
            (0.42f, 0.46f, 0.33f, new SKColor(0xE8, 0xB8, 0x9A), new SKColor(0xB0, 0x7A, 0x5E, 0)),
            (0.36f, 0.40f, 0.05f, new SKColor(0x5A, 0x3A, 0x2C), new SKColor(0x5A, 0x3A, 0x2C, 0)),
            (0.50f, 0.40f, 0.05f, new SKColor(0x5A, 0x3A, 0x2C), new SKColor(0x5A, 0x3A, 0x2C, 0)),
            (0.44f, 0.60f, 0.07f, new SKColor(0xC0, 0x5A, 0x5A), new SKColor(0xC0, 0x5A, 0x5A, 0)),
            (0.80f, 0.20f, 0.12f, new SKColor(0xF4, 0xF0, 0xE0), new SKColor(0xF4, 0xF0, 0xE0, 0)),
        ];
        foreach ((float x, float y, float r, SKColor inner, SKColor outer) in blobs)
        {
            using var paint = new SKPaint { IsAntialias = true };
            paint.Shader = SKShader.CreateRadialGradient(new SKPoint(x * w, y * h), r * w, [inner, outer], SKShaderTileMode.Clamp);
            canvas.DrawCircle(x * w, y * h, r * w, paint);
        }

        using var band = new SKPaint { IsAntialias = true, Color = new SKColor(0x2A, 0x1E, 0x18, 0xD0) };
        canvas.DrawOval(new SKRect(0.16f * w, 0.05f * h, 0.68f * w, 0.28f * h), band);
    }

    /// <summary>Luminance noise of about +-9 and a little chroma noise, from a seeded xorshift: a sensor's grain.</summary>
    private static void AddNoise(SKBitmap bitmap, int seed)
    {
        Span<byte> pixels = bitmap.GetPixelSpan();
        uint state = (uint)seed * 2654435761u | 1u;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            int luma = (int)(state & 15) + (int)((state >> 4) & 7) - 11;
            int chroma = (int)((state >> 8) & 3) - 1;
            pixels[i] = Clamp(pixels[i] + luma + chroma);
            pixels[i + 1] = Clamp(pixels[i + 1] + luma);
            pixels[i + 2] = Clamp(pixels[i + 2] + luma - chroma);
        }
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>The JPEG with its APP0 (JFIF) header, if any, replaced by the APP1 Exif segment, right after SOI.</summary>
    private static byte[] WithExif(byte[] jpeg, byte[] exif)
    {
        int rest = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            rest = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        var result = new byte[2 + 4 + exif.Length + jpeg.Length - rest];
        result[0] = 0xFF;
        result[1] = 0xD8;
        result[2] = 0xFF;
        result[3] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)(exif.Length + 2));
        exif.CopyTo(result, 6);
        jpeg.AsSpan(rest).CopyTo(result.AsSpan(6 + exif.Length));
        return result;
    }

    /// <summary>"Exif\0\0" and a big-endian TIFF: IFD0 (make, model, orientation 6, GPS pointer) and a GPS IFD (52°N 13°E).</summary>
    private static byte[] Exif()
    {
        var tiff = new TiffWriter();
        byte[] make = Encoding.ASCII.GetBytes("BenchPhone\0");
        byte[] model = Encoding.ASCII.GetBytes("BenchPhone 12 Pro\0");
        const int ifd0 = 8, ifd0Entries = 4;
        int gpsIfd = ifd0 + 2 + (ifd0Entries * 12) + 4;
        const int gpsEntries = 5;
        int data = gpsIfd + 2 + (gpsEntries * 12) + 4;
        int makeAt = data, modelAt = makeAt + make.Length, latitudeAt = modelAt + model.Length, longitudeAt = latitudeAt + 24;

        tiff.Bytes("MM\0*"u8);
        tiff.U32(ifd0);
        tiff.U16(ifd0Entries);
        tiff.Entry(0x010F, 2, make.Length, makeAt); // Make
        tiff.Entry(0x0110, 2, model.Length, modelAt); // Model
        tiff.EntryShort(0x0112, 6); // Orientation: rotate 90 degrees clockwise to show
        tiff.Entry(0x8825, 4, 1, gpsIfd); // GPSInfo IFD pointer
        tiff.U32(0);
        tiff.U16(gpsEntries);
        tiff.EntryInline(0x0000, 1, 4, [2, 3, 0, 0]); // GPSVersionID
        tiff.EntryInline(0x0001, 2, 2, "N\0"u8); // GPSLatitudeRef
        tiff.Entry(0x0002, 5, 3, latitudeAt); // GPSLatitude
        tiff.EntryInline(0x0003, 2, 2, "E\0"u8); // GPSLongitudeRef
        tiff.Entry(0x0004, 5, 3, longitudeAt); // GPSLongitude
        tiff.U32(0);
        tiff.Bytes(make);
        tiff.Bytes(model);
        foreach (uint value in (uint[])[52, 1, 31, 1, 1234, 100, 13, 1, 24, 1, 3456, 100])
        {
            tiff.U32(value);
        }

        return [.. "Exif\0\0"u8, .. tiff.ToArray()];
    }

    private sealed class TiffWriter
    {
        private readonly MemoryStream _bytes = new();

        public void Bytes(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

        public void U16(int value)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
            _bytes.Write(b);
        }

        public void U32(long value)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, (uint)value);
            _bytes.Write(b);
        }

        public void Entry(int tag, int type, int count, int offset)
        {
            U16(tag);
            U16(type);
            U32(count);
            U32(offset);
        }

        public void EntryShort(int tag, int value)
        {
            U16(tag);
            U16(3);
            U32(1);
            U16(value);
            U16(0);
        }

        public void EntryInline(int tag, int type, int count, ReadOnlySpan<byte> value)
        {
            U16(tag);
            U16(type);
            U32(count);
            Span<byte> b = stackalloc byte[4];
            value.CopyTo(b);
            _bytes.Write(b);
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
