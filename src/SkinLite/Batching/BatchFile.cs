using System.Buffers;
using System.Globalization;

namespace SkinLite;

/// <summary>
/// One image file of a batch, read whole into a pooled buffer: the bytes are hashed for the journal and then sent (or
/// prepared), so the file is read once, and what is sent is what was hashed. A file that cannot be read becomes a
/// refusal that names the problem, never an exception that ends the batch.
/// </summary>
internal sealed class BatchFile : IDisposable
{
    private byte[]? _buffer;

    private BatchFile(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Content => (_buffer ?? throw new ObjectDisposedException(nameof(BatchFile))).AsMemory(0, Length);

    /// <summary>Reads the file, or says why it cannot be an image: missing, not a regular file, empty, over the cap, unreadable.</summary>
    public static async Task<(BatchFile? File, string? Problem)> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        FileKind kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
        {
            return (null, kind == FileKind.Missing ? $"There is no file at '{path}'." : $"'{path}' is {FileKinds.Describe(kind)}, not an image file.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            long length = stream.Length;
            if (length == 0)
            {
                return (null, $"'{path}' is empty (0 bytes).");
            }

            if (length > maxBytes || length > Array.MaxLength)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"'{path}' is {length} bytes, over the batch's limit of {maxBytes} (BatchOptions.MaxFileBytes)."));
            }

            byte[] buffer = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                int read = await stream.ReadAtLeastAsync(buffer.AsMemory(0, (int)length), (int)length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read != length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, string.Create(CultureInfo.InvariantCulture, $"'{path}' shrank while it was read ({read} of {length} bytes)."));
                }

                return (new BatchFile(buffer, read), null);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"'{path}' could not be read: {ex.Message}");
        }
    }

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
