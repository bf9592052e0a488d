namespace SkinLite.Emulator;

/// <summary>Serves the first part of a body and then fails the way a connection closed mid-body does (<see cref="HttpIOException"/>, response ended).</summary>
internal sealed class TruncatedBodyStream : Stream
{
    private readonly ReadOnlyMemory<byte> _sent;
    private int _position;

    public TruncatedBodyStream(ReadOnlyMemory<byte> sent) => _sent = sent;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int left = _sent.Length - _position;
        if (left == 0)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely: the emulator cut the body short (injected 'truncate' fault).");
        }

        int count = Math.Min(left, buffer.Length);
        _sent.Span.Slice(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
