namespace SkinLite;

/// <summary>Names an image's media type from its first bytes, never from its file name.</summary>
internal static class ImageSignature
{
    /// <summary>The bytes needed to tell the formats apart.</summary>
    public const int Length = 8;

    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Unknown = "application/octet-stream";

    public static string MediaType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg : Unknown;
    }

    public static string DefaultFileName(string mediaType) => mediaType switch
    {
        Png => "image.png",
        Jpeg => "image.jpg",
        _ => "image",
    };
}
