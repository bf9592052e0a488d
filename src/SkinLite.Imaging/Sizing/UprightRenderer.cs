using SkiaSharp;

namespace SkinLite.Imaging.Sizing;

/// <summary>
/// Draws the decoded pixels onto the output canvas in one pass: turned upright, scaled with a Mitchell cubic filter,
/// and over white, so transparency is flattened. The canvas has no colour space, so the encoder writes no profile:
/// the pixels are already sRGB.
/// </summary>
internal static class UprightRenderer
{
    private static readonly SKSamplingOptions Cubic = new(SKCubicResampler.Mitchell);

    /// <summary>Turning by quarter turns maps pixel onto pixel: nothing to filter.</summary>
    private static readonly SKSamplingOptions Exact = new(SKFilterMode.Nearest, SKMipmapMode.None);

    public static SKBitmap Render(SKBitmap decoded, int orientation, int width, int height)
    {
        var output = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(output);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Orientation.ToUpright(orientation, width, height));
        (int storedWidth, int storedHeight) = Orientation.SwapsSides(orientation) ? (height, width) : (width, height);
        using SKImage image = SKImage.FromPixels(decoded.PeekPixels());
        bool resample = (decoded.Width, decoded.Height) != (storedWidth, storedHeight);
        canvas.DrawImage(image, new SKRect(0, 0, decoded.Width, decoded.Height), new SKRect(0, 0, storedWidth, storedHeight), resample ? Cubic : Exact, paint: null);
        canvas.Flush();
        return output;
    }
}
