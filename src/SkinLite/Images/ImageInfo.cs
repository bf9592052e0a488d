namespace SkinLite;

/// <summary>What an image header says about the image. A value that could not be measured is 0.</summary>
public readonly struct ImageInfo
{
    /// <summary>Creates the description of an image.</summary>
    /// <param name="format">The format found in the first bytes.</param>
    /// <param name="width">The width in pixels, 0 when unknown.</param>
    /// <param name="height">The height in pixels, 0 when unknown.</param>
    /// <param name="fileSize">The size in bytes, 0 when unknown (a stream that cannot seek).</param>
    public ImageInfo(ImageFormat format, int width, int height, long fileSize)
    {
        Format = format;
        Width = width;
        Height = height;
        FileSize = fileSize;
    }

    /// <summary>The format found in the first bytes.</summary>
    public ImageFormat Format { get; }

    /// <summary>The width in pixels, 0 when unknown.</summary>
    public int Width { get; }

    /// <summary>The height in pixels, 0 when unknown.</summary>
    public int Height { get; }

    /// <summary>The size in bytes, 0 when unknown.</summary>
    public long FileSize { get; }

    /// <summary>Describes the image, e.g. <c>PNG 1024x1536, 812345 bytes</c>.</summary>
    public override string ToString() =>
        $"{Format.ToString().ToUpperInvariant()} {Width}x{Height}, {(FileSize > 0 ? $"{FileSize} bytes" : "size unknown")}";
}
