namespace SkinLite.Imaging;

/// <summary>Why an image needs fitting before the service takes it. <see cref="None"/>: it is sent as it is.</summary>
[Flags]
public enum FitReasons
{
    /// <summary>The image passes every rule and carries nothing to remove.</summary>
    None = 0,

    /// <summary>It is not PNG or JPEG (WebP), the only formats the service reads.</summary>
    Format = 1,

    /// <summary>A side is longer than 2048 pixels.</summary>
    Dimensions = 2,

    /// <summary>The file is larger than 5 MiB.</summary>
    FileSize = 4,

    /// <summary>An EXIF orientation says the stored pixels are turned or mirrored; the service would analyse a sideways face.</summary>
    Orientation = 8,

    /// <summary>It carries metadata (location, device, dates, ...) that a face photo sent to a third party should not.</summary>
    Metadata = 16,

    /// <summary>Its colour profile is not sRGB, so its colours would be read wrongly.</summary>
    ColorProfile = 32,

    /// <summary>It is a CMYK (or YCCK) JPEG.</summary>
    Cmyk = 64,

    /// <summary>It has transparency, which is flattened onto white.</summary>
    Transparency = 128,
}
