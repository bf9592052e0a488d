using SkiaSharp;

namespace SkinLite.Imaging.Sizing;

/// <summary>
/// The eight EXIF orientations: how the stored pixels must be turned to stand upright, as the clockwise rotation and
/// mirroring a person would name, and as the matrix that maps stored coordinates onto the upright canvas.
/// </summary>
internal static class Orientation
{
    public static bool SwapsSides(int orientation) => orientation >= 5;

    /// <summary>Clockwise degrees, after mirroring horizontally when <see cref="IsMirrored"/> (the EXIF table's wording).</summary>
    public static int RotationDegrees(int orientation) => orientation switch
    {
        3 or 4 => 180,
        6 or 7 => 90,
        5 or 8 => 270,
        _ => 0,
    };

    public static bool IsMirrored(int orientation) => orientation is 2 or 4 or 5 or 7;

    /// <summary>Maps a stored pixel (x, y) to the upright canvas of <paramref name="width"/> by <paramref name="height"/>.</summary>
    public static SKMatrix ToUpright(int orientation, float width, float height)
    {
        // x' = ScaleX·x + SkewX·y + TransX; y' = SkewY·x + ScaleY·y + TransY.
        (float scaleX, float skewX, float transX, float skewY, float scaleY, float transY) = orientation switch
        {
            2 => (-1f, 0f, width, 0f, 1f, 0f),
            3 => (-1f, 0f, width, 0f, -1f, height),
            4 => (1f, 0f, 0f, 0f, -1f, height),
            5 => (0f, 1f, 0f, 1f, 0f, 0f),
            6 => (0f, -1f, width, 1f, 0f, 0f),
            7 => (0f, -1f, width, -1f, 0f, height),
            8 => (0f, 1f, 0f, -1f, 0f, height),
            _ => (1f, 0f, 0f, 0f, 1f, 0f),
        };
        return new SKMatrix
        {
            ScaleX = scaleX, SkewX = skewX, TransX = transX,
            SkewY = skewY, ScaleY = scaleY, TransY = transY,
            Persp2 = 1f,
        };
    }
}
