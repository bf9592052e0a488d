using SkinLite.Imaging.Writing;

namespace SkinLite.Imaging;

/// <summary>
/// An image ready to send: the caller's bytes untouched when nothing needed changing, or the fitted JPEG in a buffer
/// rented from the shared pool. Dispose it when it has been sent, to return the buffer.
/// </summary>
public sealed class FittedImage : IDisposable
{
    private readonly ReadOnlyMemory<byte> _content;
    private readonly PooledBytes? _pooled;
    private bool _disposed;

    internal FittedImage(ReadOnlyMemory<byte> content, PooledBytes? pooled, string fileName, FitReport report)
    {
        _content = content;
        _pooled = pooled;
        FileName = fileName;
        Report = report;
    }

    /// <summary>The bytes to send.</summary>
    /// <exception cref="ObjectDisposedException">The image was disposed.</exception>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _content;
        }
    }

    /// <summary>The file name to upload under: the one given, with a <c>.jpg</c> extension when the image was re-encoded.</summary>
    public string FileName { get; }

    /// <summary>What was done.</summary>
    public FitReport Report { get; }

    /// <summary>Returns the pooled buffer; <see cref="Content"/> may not be used afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        _pooled?.Dispose();
    }
}
