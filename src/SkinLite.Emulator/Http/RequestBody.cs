namespace SkinLite.Emulator;

/// <summary>Reads a request body into memory, refusing at once one that is declared or turns out larger than the cap.</summary>
internal static class RequestBody
{
    /// <returns>The body, or <see langword="null"/> when it is over <paramref name="cap"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long cap, CancellationToken cancellationToken)
    {
        if (declaredLength > cap)
        {
            return null;
        }

        using var copy = new MemoryStream(declaredLength is { } n ? (int)n : 64 * 1024);
        byte[] chunk = new byte[81920];
        while (true)
        {
            int read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return copy.ToArray();
            }

            if (copy.Length + read > cap)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }
    }
}
