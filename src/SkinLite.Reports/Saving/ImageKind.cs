namespace SkinLite.Reports;

/// <summary>
/// What a downloaded file is, from its first bytes: a CDN's Content-Type can lie (an HTML error page served as 200,
/// a JSON error body), and the file's extension is chosen from these bytes, never from the URL.
/// </summary>
internal readonly record struct ImageKind(string MediaType, string Extension)
{
    /// <summary>The bytes needed to tell the formats apart (WebP: RIFF, four length bytes, WEBP).</summary>
    public const int HeadLength = 12;

    public static readonly ImageKind Png = new("image/png", "png");
    public static readonly ImageKind Jpeg = new("image/jpeg", "jpg");
    public static readonly ImageKind WebP = new("image/webp", "webp");
    public static readonly ImageKind Gif = new("image/gif", "gif");

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image kind of a file starting with <paramref name="head"/>, or <see langword="null"/> when it is none of PNG, JPEG, WebP, GIF.</summary>
    public static ImageKind? Of(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? Gif : null;
    }
}
