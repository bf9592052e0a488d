using System.Net;

namespace SkinLite;

/// <summary>
/// Streams an image into the request straight from its source, with no second whole-file buffer. The first bytes are read
/// to name the media type; on a stream that cannot seek they are kept and written first. Leaves the stream open unless it owns it.
/// </summary>
internal sealed class ImageUploadContent : HttpContent
{
    private readonly Stream _source;
    private readonly byte[] _prefix;
    private readonly bool _ownsSource;
    private readonly long _startPosition;

    private ImageUploadContent(Stream source, byte[] prefix, string mediaType, bool ownsSource)
    {
        _source = source;
        _prefix = prefix;
        _ownsSource = ownsSource;
        _startPosition = source.CanSeek ? source.Position : -1;
        MediaType = mediaType;
    }

    /// <summary>The media type the first bytes show.</summary>
    public string MediaType { get; }

    /// <summary>Sniffs the first bytes of <paramref name="source"/> and, when it can seek, puts its position back.</summary>
    public static async Task<ImageUploadContent> CreateAsync(Stream source, bool ownsSource, CancellationToken cancellationToken)
    {
        if (!source.CanRead)
        {
            throw new ArgumentException("The image stream cannot be read.", nameof(source));
        }

        byte[] head = new byte[ImageSignature.Length];
        int filled = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        string mediaType = ImageSignature.MediaType(head.AsSpan(0, filled));
        if (source.CanSeek)
        {
            source.Seek(-filled, SeekOrigin.Current);
            return new ImageUploadContent(source, [], mediaType, ownsSource);
        }

        return new ImageUploadContent(source, head[..filled], mediaType, ownsSource);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_prefix.Length > 0)
        {
            await stream.WriteAsync(_prefix, cancellationToken).ConfigureAwait(false);
        }

        await _source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = _source.Length - _startPosition;
            return true;
        }

        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSource)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
