namespace SkinLite.Imaging.Decoding;

/// <summary>Names the format from the content; only the names SkinLite.Imaging decodes are accepted.</summary>
internal static class SourceFormat
{
    public const string Jpeg = "JPEG", Png = "PNG", Webp = "WebP";

    public static string? Decodable(ReadOnlySpan<byte> head) => ImageSignature.Format(head) switch
    {
        ImageFormat.Jpeg => Jpeg,
        ImageFormat.Png => Png,
        _ => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? Webp : null,
    };

    public static string Refusal(ReadOnlySpan<byte> head)
    {
        string? known = ImageSignature.KnownOtherFormat(head);
        if (known is not null && known.StartsWith("HEIF", StringComparison.Ordinal))
        {
            return "The image is a HEIF/HEIC (or AVIF) file, which SkinLite.Imaging cannot decode on this platform; it reads JPEG, PNG and WebP. " +
                   "Convert it to JPEG first: on an iPhone set Camera > Formats > Most Compatible, or convert with `heif-convert photo.heic photo.jpg` (libheif).";
        }

        string what = known is not null ? $"a {known} file" : $"not an image SkinLite.Imaging knows (it starts with {Convert.ToHexString(head[..Math.Min(head.Length, 8)])})";
        return $"The image is {what}; SkinLite.Imaging reads JPEG, PNG and WebP, and the service takes only PNG and JPEG.";
    }
}
