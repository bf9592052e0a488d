namespace SkinLite;

/// <summary>
/// Where an image-header walk stands: the absolute offset of the next thing to read, so that a walk over a stream can
/// skip what it does not need (a 60 KB EXIF block) and resume on the next window of bytes.
/// </summary>
internal struct HeaderCursor
{
    public ImageFormat Format;
    public long Position;
    public int Segments;
}
