using System.Runtime.InteropServices;
using SkiaSharp;
using Xunit.Sdk;

namespace SkinLite.Imaging.Tests;

internal sealed record CornerColours(SKColor TopLeft, SKColor TopRight, SKColor BottomLeft, SKColor BottomRight, SKColor Centre);

// Tells whether an image shows the test scene upright: red top-left, green top-right, blue bottom-left,
// grey bottom-right. Samples sit 1/16 of the SHORT side in from both edges, so they fall inside the patches
// (1/8 of the short side for CameraJpeg, 160/1024 for the fixtures) at any aspect ratio and any scale.
internal static class Corners
{
    internal static readonly SKColor Red = new(255, 0, 0), Green = new(0, 255, 0), Blue = new(0, 0, 255), Grey = new(128, 128, 128);

    // Decodes WITHOUT applying EXIF orientation (SKBitmap.Decode ignores it): the fitter's output carries no
    // orientation, so its stored pixels must already be upright.
    public static CornerColours Read(byte[] image)
    {
        using SKBitmap bitmap = SKBitmap.Decode(image) ?? throw new ArgumentException("SkiaSharp cannot decode the image", nameof(image));
        return Read(bitmap);
    }

    public static CornerColours Read(SKBitmap bitmap)
    {
        int w = bitmap.Width, h = bitmap.Height;
        int inset = Math.Min(w, h) / 16, side = Math.Clamp(Math.Min(w, h) / 16, 1, 24);
        return new(
            Average(bitmap, inset, inset, side),
            Average(bitmap, w - 1 - inset, inset, side),
            Average(bitmap, inset, h - 1 - inset, side),
            Average(bitmap, w - 1 - inset, h - 1 - inset, side),
            Average(bitmap, w / 2, h / 2, side));
    }

    public static void AssertUpright(byte[] image, int tolerance = 40)
    {
        using SKBitmap bitmap = SKBitmap.Decode(image) ?? throw new ArgumentException("SkiaSharp cannot decode the image", nameof(image));
        AssertUpright(bitmap, tolerance);
    }

    public static void AssertUpright(SKBitmap bitmap, int tolerance = 40)
    {
        CornerColours c = Read(bitmap);
        var wrong = new List<string>();
        Check("top-left", c.TopLeft, Red);
        Check("top-right", c.TopRight, Green);
        Check("bottom-left", c.BottomLeft, Blue);
        Check("bottom-right", c.BottomRight, Grey);
        if (wrong.Count > 0)
        {
            throw new XunitException($"image ({bitmap.Width}x{bitmap.Height}) is not upright: {string.Join("; ", wrong)}");
        }

        void Check(string corner, SKColor found, SKColor want)
        {
            if (!Near(found, want, tolerance))
            {
                wrong.Add($"{corner} is {Describe(found)}, want {Describe(want)}");
            }
        }
    }

    public static bool Near(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    // Decodes and applies the EXIF orientation the way a viewer does (SKCodec reports it as EncodedOrigin), so a
    // test can check that a camera file's stored pixels and its orientation tag agree.
    public static SKBitmap DecodeUpright(byte[] image)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(image)) ?? throw new ArgumentException("SkiaSharp cannot decode the image", nameof(image));
        int n = (int)codec.EncodedOrigin;
        var storedInfo = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var stored = new SKBitmap(storedInfo);
        SKCodecResult result = codec.GetPixels(storedInfo, stored.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new ArgumentException($"SkiaSharp could not decode the image: {result}", nameof(image));
        }

        int sw = stored.Width, sh = stored.Height;
        (int uw, int uh) = CameraJpeg.UprightSize(sw, sh, n);
        var src = new int[sw * sh];
        var dst = new int[uw * uh];
        Marshal.Copy(stored.GetPixels(), src, 0, src.Length);
        for (int y = 0; y < sh; y++)
        {
            for (int x = 0; x < sw; x++)
            {
                (int u, int v) = CameraJpeg.ToUpright(n, x, y, sw, sh);
                dst[(v * uw) + u] = src[(y * sw) + x];
            }
        }

        var upright = new SKBitmap(new SKImageInfo(uw, uh, SKColorType.Rgba8888, SKAlphaType.Premul));
        Marshal.Copy(dst, 0, upright.GetPixels(), dst.Length);
        return upright;
    }

    public static string Describe(SKColor c) =>
        (c.Red, c.Green, c.Blue) switch
        {
            (> 200, < 60, < 60) => $"red ({c.Red},{c.Green},{c.Blue})",
            (< 60, > 200, < 60) => $"green ({c.Red},{c.Green},{c.Blue})",
            (< 60, < 60, > 200) => $"blue ({c.Red},{c.Green},{c.Blue})",
            (> 230, > 230, > 230) => $"white ({c.Red},{c.Green},{c.Blue})",
            (< 25, < 25, < 25) => $"black ({c.Red},{c.Green},{c.Blue})",
            _ when Math.Max(Math.Abs(c.Red - c.Green), Math.Abs(c.Green - c.Blue)) < 20 => $"grey ({c.Red},{c.Green},{c.Blue})",
            _ => $"({c.Red},{c.Green},{c.Blue})",
        };

    // Mean of a side x side square centred at (cx, cy), clipped to the image.
    private static SKColor Average(SKBitmap bitmap, int cx, int cy, int side)
    {
        int x0 = Math.Max(0, cx - (side / 2)), y0 = Math.Max(0, cy - (side / 2));
        int x1 = Math.Min(bitmap.Width, x0 + side), y1 = Math.Min(bitmap.Height, y0 + side);
        long r = 0, g = 0, b = 0, n = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                SKColor p = bitmap.GetPixel(x, y);
                r += p.Red;
                g += p.Green;
                b += p.Blue;
                n++;
            }
        }

        return new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }
}
