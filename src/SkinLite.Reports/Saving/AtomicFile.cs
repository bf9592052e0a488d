namespace SkinLite.Reports;

/// <summary>
/// Files that appear whole or not at all: bytes go to a hidden temporary file in the same folder (same volume, so the
/// rename is atomic), which is renamed over the final name only once complete. An interrupted save leaves at most a
/// <c>.part</c> file, never a half file under a name that looks complete.
/// </summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".part";

    /// <summary>A fresh temporary path beside <paramref name="finalPath"/>: <c>.&lt;name&gt;.&lt;random&gt;.part</c>.</summary>
    public static string TempPathFor(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}{TempSuffix}");

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        string temp = TempPathFor(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>Deletes a temporary file if it is there; a file that cannot be deleted stays (it is hidden and named .part).</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Deletes the temporary files a killed process left in <paramref name="directory"/>: those of
    /// <paramref name="fileName"/> (<c>.document.json.*.part</c>), or every <c>.*.part</c> when it is <see langword="null"/>
    /// (the images folder, which is the save's own). The save folder may be the user's, so nothing else there is touched.
    /// </summary>
    public static void DeleteLeftovers(string directory, string? fileName = null)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (string leftover in Directory.EnumerateFiles(directory, $".{fileName ?? "*"}.*{TempSuffix}"))
        {
            DeleteQuietly(leftover);
        }
    }
}
