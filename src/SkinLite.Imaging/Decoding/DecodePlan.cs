using SkiaSharp;
using SkinLite.Imaging.Sizing;

namespace SkinLite.Imaging.Decoding;

/// <summary>
/// At what size to decode, and the output size. A JPEG whose DCT can decode it straight at a size within the rules
/// and close to the longest allowed (4032x3024 at 1/2: 2016x1512) is output at that size, with no resampling at all:
/// the scaled IDCT is an area filter, and skipping the resample is most of the time saved. Otherwise the image is
/// decoded at the smallest size that covers the ideal output, then resampled to it.
/// </summary>
/// <param name="DecodeWidth">Decoded width, stored orientation.</param>
/// <param name="DecodeHeight">Decoded height, stored orientation.</param>
/// <param name="Width">Output width, upright.</param>
/// <param name="Height">Output height, upright.</param>
internal readonly record struct DecodePlan(int DecodeWidth, int DecodeHeight, int Width, int Height)
{
    /// <summary>A straight decode is output as it is when its long side is at least this share of the longest allowed.</summary>
    private const double DirectShare = 0.9;

    public static DecodePlan For(SKCodec codec, int orientation)
    {
        bool swap = Orientation.SwapsSides(orientation);
        (int uprightWidth, int uprightHeight) = swap ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        (int width, int height) = FitGeometry.Target(uprightWidth, uprightHeight);
        (int storedWidth, int storedHeight) = swap ? (height, width) : (width, height);

        SKSizeI direct = codec.GetScaledDimensions((float)storedWidth / codec.Info.Width);
        if (direct.Width <= storedWidth && direct.Height <= storedHeight &&
            Math.Max(direct.Width, direct.Height) >= DirectShare * Math.Max(width, height) &&
            Math.Min(direct.Width, direct.Height) >= ImagePreflight.MinSide)
        {
            return swap ? new(direct.Width, direct.Height, direct.Height, direct.Width) : new(direct.Width, direct.Height, direct.Width, direct.Height);
        }

        for (int eighths = 1; eighths < 8; eighths++)
        {
            SKSizeI covering = codec.GetScaledDimensions(eighths / 8f);
            if (covering.Width >= storedWidth && covering.Height >= storedHeight)
            {
                return new(covering.Width, covering.Height, width, height);
            }
        }

        return new(codec.Info.Width, codec.Info.Height, width, height);
    }

}
