using SkiaSharp;

namespace SkinLite.Imaging.Decoding;

/// <summary>
/// Decodes at the size the <see cref="DecodePlan"/> chose (a JPEG at k/8 scale, as its DCT can; a WebP at any size,
/// as its decoder scales; a PNG whole), converting the pixels to sRGB on the way.
/// </summary>
internal static class ScaledDecoder
{
    public static SKBitmap Decode(SKCodec codec, DecodePlan plan, bool alpha)
    {
        var size = new SKSizeI(plan.DecodeWidth, plan.DecodeHeight);

        if ((long)size.Width * size.Height > SourceImage.MaxDecodedPixels)
        {
            throw new ImageFitException(RejectionReason.ResolutionTooLarge, $"The image would decode at {size.Width}x{size.Height} pixels; SkinLite.Imaging decodes at most {SourceImage.MaxDecodedPixels / 1_000_000} megapixels at once.");
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha ? SKAlphaType.Premul : SKAlphaType.Opaque, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        throw new ImageFitException(RejectionReason.CorruptImage, result == SKCodecResult.IncompleteInput
            ? "The image cannot be read: its data is cut short (the file is incomplete)."
            : $"The image cannot be read: decoding its pixels failed ({result}).");
    }

    /// <summary>
    /// Halves the bitmap (a 2x2 box average) while it is at least twice the output, so that the last resampling step
    /// scales by less than 2 and its cubic filter does not alias.
    /// </summary>
    public static SKBitmap HalveTowards(SKBitmap bitmap, int storedTargetWidth, int storedTargetHeight)
    {
        var halving = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        while (bitmap.Width >= storedTargetWidth * 2 && bitmap.Height >= storedTargetHeight * 2)
        {
            var half = new SKBitmap(bitmap.Info.WithSize(bitmap.Width / 2, bitmap.Height / 2));
            bitmap.ScalePixels(half, halving);
            bitmap.Dispose();
            bitmap = half;
        }

        return bitmap;
    }
}
