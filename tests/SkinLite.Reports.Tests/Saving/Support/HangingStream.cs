namespace SkinLite.Reports.Tests.Saving.Support;

/// <summary>A response body that sends <paramref name="start"/> and then either hangs until cancelled or breaks with an IOException, as a dropped connection does.</summary>
internal sealed class HangingStream(byte[] start, bool breaks) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < start.Length)
        {
            int n = Math.Min(buffer.Length, start.Length - _position);
            start.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        if (breaks)
        {
            throw new IOException("The connection was reset (test).");
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
