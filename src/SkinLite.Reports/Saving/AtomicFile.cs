namespace SkinLite.Reports;

/// <summary>
/// Files that appear whole or not at all: bytes go to a hidden temporary file in the same folder (same volume, so the
/// rename is atomic), which is renamed over the final name only once complete. An interrupted save leaves at most a
/// <c>.part</c> file, never a half file under a name that looks complete.
/// </summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".part";

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

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

    /// <summary>Writes a page as UTF-8 (no BOM), creating its folder; the path holds the old file or the whole new one.</summary>
    public static void WriteText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = TempPathFor(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
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
