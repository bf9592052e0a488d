using System.Buffers;

namespace SkinLite;

/// <summary>A response body held in a buffer rented from the shared pool; dispose to return it.</summary>
internal readonly struct PooledBody : IDisposable
{
    private readonly byte[] _buffer;
    private readonly int _length;

    public PooledBody(byte[] buffer, int length, bool truncated)
    {
        _buffer = buffer;
        _length = length;
        Truncated = truncated;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Whether reading stopped at the limit with more body left.</summary>
    public bool Truncated { get; }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
