namespace SkinLite;

/// <summary>
/// Wraps a stream that cannot seek so that it can be read twice at its start: everything read before
/// <see cref="Replay"/> (the image header the preflight inspected) is kept and served again first, then the rest of
/// the source follows. Only the header is ever held in memory.
/// </summary>
internal sealed class HeaderReplayStream : Stream
{
    private readonly Stream _source;
    private readonly MemoryStream _kept = new();
    private bool _replaying;

    public HeaderReplayStream(Stream source) => _source = source;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Stops keeping bytes and serves the kept ones from their start.</summary>
    public void Replay()
    {
        _replaying = true;
        _kept.Position = 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_replaying)
        {
            int replayed = _kept.Read(buffer);
            return replayed > 0 ? replayed : _source.Read(buffer);
        }

        int read = _source.Read(buffer);
        _kept.Write(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_replaying)
        {
            int replayed = _kept.Read(buffer.Span);
            return replayed > 0 ? replayed : await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        int read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _kept.Write(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
