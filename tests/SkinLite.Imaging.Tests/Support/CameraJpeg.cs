using System.Runtime.InteropServices;
using SkiaSharp;

namespace SkinLite.Imaging.Tests;

// Phone-photo stand-ins made on the fly: too big to commit, and the fitter's size limits only bite on
// images with camera-like entropy (a flat test card compresses to nothing and never needs requality).
internal static class CameraJpeg
{
    // width x height are the STORED (sensor) pixels, as a phone writes them: Create(4032, 3024, 6) is a portrait
    // photo whose upright view is 3024 x 4032. Upright it shows red top-left, green top-right, blue bottom-left
    // and grey bottom-right, each a square of 1/8 of the upright short side, over gradients with noise.
    // Skia's JPEG encoder has no progressive mode, so there is no progressive option here (fixtures have one).
    public static byte[] Create(int width, int height, int orientation, int quality = 92, bool gps = true, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        (int uw, int uh) = UprightSize(width, height, orientation);
        int patch = Math.Min(uw, uh) / 8;
        var pixels = new uint[width * height]; // RGBA8888, little-endian: R in the low byte

        // Rows in parallel, each with its own generator seeded from (seed, row): same bytes on every run and
        // on any core count, and far faster than a shared System.Random at 48 MP.
        // The stored->upright map is affine: u = u0 + ux*x + uy*y, v likewise; found from ToUpright once.
        (int u0, int v0) = ToUpright(orientation, 0, 0, width, height);
        (int u1, int v1) = ToUpright(orientation, 1, 0, width, height);
        (int u2, int v2) = ToUpright(orientation, 0, 1, width, height);
        int ux = u1 - u0, vx = v1 - v0, uy = u2 - u0, vy = v2 - v0;
        Parallel.For(0, height, y =>
        {
            ulong state = ((ulong)(uint)seed << 32) ^ (ulong)y ^ 0x9E3779B97F4A7C15UL;
            int row = y * width;
            int u = u0 + (uy * y), v = v0 + (vy * y);
            for (int x = 0; x < width; x++, u += ux, v += vx)
            {
                int r, g, b;
                bool left = u < patch, right = u >= uw - patch, top = v < patch, bottom = v >= uh - patch;
                if (top && left) { (r, g, b) = (255, 0, 0); }
                else if (top && right) { (r, g, b) = (0, 255, 0); }
                else if (bottom && left) { (r, g, b) = (0, 0, 255); }
                else if (bottom && right) { (r, g, b) = (128, 128, 128); }
                else
                {
                    // Smooth "scene": three gradients at different angles, a skin-ish mid tone.
                    r = 110 + (70 * u / uw);
                    g = 90 + (60 * v / uh);
                    b = 80 + (50 * (u + v) / (uw + uh));
                }

                // SplitMix64: one draw gives a shared luma noise and a smaller per-channel (sensor-like) noise.
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                int luma = (int)(z & 31) - 16;
                int nr = (int)((z >> 8) & 15) - 8, ng = (int)((z >> 16) & 15) - 8, nb = (int)((z >> 24) & 15) - 8;
                pixels[row + x] = Clamp(r + luma + nr) | (Clamp(g + luma + ng) << 8) | (Clamp(b + luma + nb) << 16) | 0xFF000000u;
            }
        });

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        GCHandle handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        byte[] jpeg;
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using SKData data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                ?? throw new InvalidOperationException("SkiaSharp could not encode the JPEG");
            jpeg = data.ToArray();
        }
        finally
        {
            handle.Free();
        }

        byte[] segments = gps
            ? [.. ExifSegment.Build(orientation), .. ExifSegment.Xmp()]
            : ExifSegment.Build(orientation, gps: false);
        return ExifSegment.InsertAfterSoi(jpeg, segments);
    }

    public static (int Width, int Height) UprightSize(int storedWidth, int storedHeight, int orientation) =>
        orientation >= 5 ? (storedHeight, storedWidth) : (storedWidth, storedHeight);

    // Where stored pixel (x, y) shows in the upright view for EXIF Orientation n (from the EXIF definition of
    // the 0th row and column; e.g. 6: the 0th row is the visual right side, the 0th column the visual top).
    public static (int U, int V) ToUpright(int orientation, int x, int y, int storedWidth, int storedHeight) =>
        orientation switch
        {
            1 => (x, y),
            2 => (storedWidth - 1 - x, y),
            3 => (storedWidth - 1 - x, storedHeight - 1 - y),
            4 => (x, storedHeight - 1 - y),
            5 => (y, x),
            6 => (storedHeight - 1 - y, x),
            7 => (storedHeight - 1 - y, storedWidth - 1 - x),
            8 => (y, storedWidth - 1 - x),
            _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
        };

    private static uint Clamp(int v) => (uint)Math.Clamp(v, 0, 255);
}
