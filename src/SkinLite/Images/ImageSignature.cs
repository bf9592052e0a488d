namespace SkinLite;

/// <summary>Names an image's media type from its first bytes, never from its file name.</summary>
internal static class ImageSignature
{
    /// <summary>The bytes needed to tell the formats apart.</summary>
    public const int Length = 8;

    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Unknown = "application/octet-stream";

    public static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    public static string MediaType(ReadOnlySpan<byte> head) => Format(head) switch
    {
        ImageFormat.Png => Png,
        ImageFormat.Jpeg => Jpeg,
        _ => Unknown,
    };

    public static ImageFormat Format(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngHeader.Signature))
        {
            return ImageFormat.Png;
        }

        return head.StartsWith(JpegStart) ? ImageFormat.Jpeg : ImageFormat.Unknown;
    }

    /// <summary>Whether <paramref name="head"/> is too short to tell, but is the start of a PNG or JPEG signature.</summary>
    public static bool IsCutShortSignature(ReadOnlySpan<byte> head) =>
        head.Length > 0 && ((head.Length < PngHeader.Signature.Length && PngHeader.Signature.StartsWith(head)) ||
                            (head.Length < JpegStart.Length && JpegStart.StartsWith(head)));

    /// <summary>Names a few common formats the service refuses, so that the message says what the file is.</summary>
    public static string? KnownOtherFormat(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("GIF8"u8)) { return "GIF"; }
        if (head.StartsWith("BM"u8)) { return "BMP"; }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) { return "WebP"; }
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) { return "TIFF"; }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) { return "HEIF/AVIF or MP4"; }
        if (head.StartsWith("%PDF"u8)) { return "PDF"; }
        return null;
    }

    public static string DefaultFileName(string mediaType) => mediaType switch
    {
        Png => "image.png",
        Jpeg => "image.jpg",
        _ => "image",
    };
}
