namespace SkinLite;

/// <summary>An image format, told from the first bytes of the content, never from a file name.</summary>
public enum ImageFormat
{
    /// <summary>Not recognised (or not yet known).</summary>
    Unknown = 0,

    /// <summary>PNG (signature <c>89 50 4E 47 0D 0A 1A 0A</c>).</summary>
    Png = 1,

    /// <summary>JPEG (starts with <c>FF D8 FF</c>).</summary>
    Jpeg = 2,
}
