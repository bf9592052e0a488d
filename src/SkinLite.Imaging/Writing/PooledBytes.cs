using System.Buffers;

namespace SkinLite.Imaging.Writing;

/// <summary>A buffer rented from the shared pool and returned once, on dispose.</summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    public PooledBytes(int length)
    {
        _array = ArrayPool<byte>.Shared.Rent(length);
        Length = length;
    }

    public int Length { get; }

    public Memory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(FittedImage))).AsMemory(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
