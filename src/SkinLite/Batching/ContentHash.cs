using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SkinLite;

/// <summary>
/// The SHA-256 of an image file's bytes, the second half of a batch journal's key (with the path): a file changed since it
/// was journaled has another hash, so it is a new image. Held inline (four 64-bit words, no array), written as 64
/// lower-case hex digits.
/// </summary>
internal readonly record struct ContentHash
{
    /// <summary>The length of the hex form.</summary>
    public const int HexLength = 64;

    private const int ReadBufferSize = 128 * 1024;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private ContentHash(ReadOnlySpan<byte> sha256)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(sha256);
        _b = BinaryPrimitives.ReadUInt64BigEndian(sha256[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(sha256[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(sha256[24..]);
    }

    /// <summary>The hash of bytes in memory.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, digest);
        return new ContentHash(digest);
    }

    /// <summary>The hash of a file's bytes, read in 128 KiB pooled windows (the file is never held whole).</summary>
    public static async Task<ContentHash> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await file.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            hash.GetHashAndReset(digest);
            return new ContentHash(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the 64-digit hex form (either case).</summary>
    /// <exception cref="FormatException">Not 64 hex digits.</exception>
    public static ContentHash Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<byte> utf8 = stackalloc byte[HexLength];
        if (hex.Length != HexLength || System.Text.Encoding.ASCII.GetBytes(hex, utf8) != HexLength || !TryParse(utf8, out ContentHash hash))
        {
            throw new FormatException($"A content hash is {HexLength} hex digits (SHA-256); got '{hex}'.");
        }

        return hash;
    }

    /// <summary>Reads the 64-digit hex form from UTF-8 (either case); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Hex, out ContentHash hash)
    {
        hash = default;
        if (utf8Hex.Length != HexLength)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        for (int i = 0; i < digest.Length; i++)
        {
            int high = HexValue(utf8Hex[2 * i]);
            int low = HexValue(utf8Hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            digest[i] = (byte)((high << 4) | low);
        }

        hash = new ContentHash(digest);
        return true;
    }

    /// <summary>Writes the 64 lower-case hex digits as UTF-8.</summary>
    public void WriteHex(Span<byte> utf8Destination)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        CopyTo(digest);
        Convert.TryToHexStringLower(digest, utf8Destination, out _);
    }

    /// <summary>The 32 bytes of the digest.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 64 lower-case hex digits.</summary>
    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        CopyTo(digest);
        return Convert.ToHexStringLower(digest);
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
