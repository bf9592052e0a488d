namespace SkinLite.Imaging.Sizing;

/// <summary>
/// The output size: the upright image scaled down, never up, so its long side is at most
/// <see cref="ImagePreflight.MaxSide"/>, keeping the aspect ratio. The short side must still reach
/// <see cref="ImagePreflight.MinSide"/>, or the image cannot be fitted.
/// </summary>
internal static class FitGeometry
{
    public static (int Width, int Height) Target(int uprightWidth, int uprightHeight)
    {
        int longSide = Math.Max(uprightWidth, uprightHeight);
        if (longSide <= ImagePreflight.MaxSide)
        {
            return (uprightWidth, uprightHeight);
        }

        double scale = (double)ImagePreflight.MaxSide / longSide;
        // The long side lands on MaxSide exactly; the short side is rounded, never pushed past the limit.
        int width = uprightWidth >= uprightHeight ? ImagePreflight.MaxSide : Math.Min(ImagePreflight.MaxSide, (int)Math.Round(uprightWidth * scale));
        int height = uprightHeight > uprightWidth ? ImagePreflight.MaxSide : Math.Min(ImagePreflight.MaxSide, (int)Math.Round(uprightHeight * scale));
        return (Math.Max(1, width), Math.Max(1, height));
    }

    /// <summary>Why an image of this upright size cannot be fitted, or null when it can.</summary>
    public static string? Refusal(int uprightWidth, int uprightHeight)
    {
        int shortSide = Math.Min(uprightWidth, uprightHeight);
        int longSide = Math.Max(uprightWidth, uprightHeight);
        if (shortSide < ImagePreflight.MinSide)
        {
            return $"The image is {uprightWidth}x{uprightHeight} pixels; the service needs at least {ImagePreflight.MinSide} on each side, and SkinLite does not enlarge photos (the analysis would score invented detail). Use a photo at least {ImagePreflight.MinSide}x{ImagePreflight.MinSide}.";
        }

        (int width, int height) = Target(uprightWidth, uprightHeight);
        if (Math.Min(width, height) < ImagePreflight.MinSide)
        {
            return $"The image is {uprightWidth}x{uprightHeight} pixels: scaling its long side down to {ImagePreflight.MaxSide} would leave {width}x{height}, and the service needs at least {ImagePreflight.MinSide} on each side. Crop it to at most 2:1 (for example {Crop(uprightWidth, uprightHeight)}) and try again.";
        }

        return null;
    }

    private static string Crop(int width, int height)
    {
        int shortSide = Math.Min(width, height);
        int longSide = Math.Min(Math.Max(width, height), shortSide * 2);
        return width >= height ? $"{longSide}x{shortSide}" : $"{shortSide}x{longSide}";
    }
}
