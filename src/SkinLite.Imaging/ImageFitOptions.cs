namespace SkinLite.Imaging;

/// <summary>How <see cref="ImageFitter"/> fits images. The defaults suit the service; most callers change nothing.</summary>
public sealed class ImageFitOptions
{
    /// <summary>
    /// When true, an image that meets every rule and only carries metadata is sent as it is, metadata included. The
    /// default, false, re-encodes it without its metadata: a face photo sent to a third party should not say where
    /// it was taken or with which device. An image that needs fitting for any other reason loses its metadata either way.
    /// </summary>
    public bool KeepMetadata { get; set; }

    /// <summary>The JPEG quality tried first, 1-100 (default 90).</summary>
    public int Quality { get; set; } = 90;

    /// <summary>The lowest JPEG quality tried when the image is still larger than 5 MiB (default 60); below it the image is refused.</summary>
    public int MinimumQuality { get; set; } = 60;

    internal void Validate()
    {
        if (Quality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "ImageFitOptions.Quality must be 1-100.");
        }

        if (MinimumQuality < 1 || MinimumQuality > Quality)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumQuality), MinimumQuality, $"ImageFitOptions.MinimumQuality must be 1-{Quality} (at most Quality).");
        }
    }
}
