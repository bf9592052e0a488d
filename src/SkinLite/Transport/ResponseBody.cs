using System.Buffers;
using System.Runtime.CompilerServices;

namespace SkinLite;

/// <summary>Reads a response body into pooled memory without ever holding more than a set number of bytes.</summary>
internal static class ResponseBody
{
    private const int FirstBufferSize = 4 * 1024;

    /// <summary>Reads the whole body, or throws <see cref="SkinLiteProtocolException"/> as soon as it is known to be over <paramref name="cap"/>.</summary>
    public static ValueTask<PooledBody> ReadAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > cap)
        {
            throw SkinLiteProtocolException.TooLarge(declared, cap);
        }

        return ReadCoreAsync(content, cap, declared, truncate: false, cancellationToken);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, and says whether the body went on past them.</summary>
    public static ValueTask<PooledBody> ReadPrefixAsync(HttpContent content, int limit, CancellationToken cancellationToken) =>
        ReadCoreAsync(content, limit, content.Headers.ContentLength, truncate: true, cancellationToken);

    // Its state machine comes from a pool: every caller awaits the read once, at once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<PooledBody> ReadCoreAsync(HttpContent content, long cap, long? declared, bool truncate, CancellationToken cancellationToken)
    {
        int limit = (int)Math.Min(cap, Array.MaxLength - 1);
        int first = declared is { } n && n <= limit ? (int)n + 1 : Math.Min(FirstBufferSize, limit + 1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(first, 16));
        int length = 0;
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, limit);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, length, truncated: false);
                }

                length += read;
                if (length > limit)
                {
                    if (truncate)
                    {
                        return new PooledBody(buffer, limit, truncated: true);
                    }

                    throw SkinLiteProtocolException.TooLarge(null, cap);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int limit)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
