using System.Net;

namespace SkinLite;

/// <summary>
/// Streams an image into the request straight from its source (a stream or memory), with no second whole-file buffer.
/// The first bytes name the media type; on a stream that cannot seek they are kept and written first. Leaves the stream
/// open unless it owns it.
/// </summary>
internal sealed class ImageUploadContent : HttpContent
{
    private readonly Stream? _source;
    private readonly ReadOnlyMemory<byte> _prefix;
    private readonly bool _ownsSource;
    private readonly long _startPosition;

    private ImageUploadContent(Stream? source, ReadOnlyMemory<byte> prefix, string mediaType, bool ownsSource)
    {
        _source = source;
        _prefix = prefix;
        _ownsSource = ownsSource;
        _startPosition = source is { CanSeek: true } ? source.Position : -1;
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
        if (filled == 0)
        {
            if (ownsSource)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            throw new ArgumentException("The image is empty (0 bytes); nothing was sent.", nameof(source));
        }

        string mediaType = ImageSignature.MediaType(head.AsSpan(0, filled));
        if (source.CanSeek)
        {
            source.Seek(-filled, SeekOrigin.Current);
            return new ImageUploadContent(source, ReadOnlyMemory<byte>.Empty, mediaType, ownsSource);
        }

        return new ImageUploadContent(source, head.AsMemory(0, filled), mediaType, ownsSource);
    }

    /// <summary>Sends bytes already in memory, without copying them.</summary>
    public static ImageUploadContent FromMemory(ReadOnlyMemory<byte> image) =>
        new(null, image, ImageSignature.MediaType(image.Span), ownsSource: false);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (!_prefix.IsEmpty)
        {
            await stream.WriteAsync(_prefix, cancellationToken).ConfigureAwait(false);
        }

        if (_source is not null)
        {
            await _source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_source is null || _source.CanSeek)
        {
            length = _prefix.Length + (_source is null ? 0 : _source.Length - _startPosition);
            return true;
        }

        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSource)
        {
            _source?.Dispose();
        }

        base.Dispose(disposing);
    }
}
