namespace SkinLite.Reports.Html;

/// <summary>
/// The media type a file's first bytes show, among the four a report embeds. The manifest says the same when SkinLite
/// wrote it, but a report trusts the bytes it embeds, not a file beside them: an SVG or HTML file named as a PNG is not
/// shown.
/// </summary>
internal static class ImageSniffer
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    public static bool IsEmbeddable(string? mediaType) => mediaType is Png or Jpeg or Gif or WebP;

    /// <summary>The media type of <paramref name="bytes"/>, or <see langword="null"/> when they are none of the four.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }
}
