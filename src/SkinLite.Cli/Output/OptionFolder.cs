namespace SkinLite.Cli.Output;

/// <summary>
/// A folder given by an option (--out, --save): checked, created and proved writable before anything is sent, so that
/// a paid analysis is never lost to a folder that cannot be written. One place, so that both options say it alike.
/// </summary>
internal static class OptionFolder
{
    /// <summary>The folder's full path.</summary>
    /// <exception cref="BadInputException">The path is not a valid path, or it is a file.</exception>
    public static string FullPath(string path, string option)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"Invalid {option} '{path}': {ex.Message} Nothing was sent.");
        }

        return File.Exists(full)
            ? throw new BadInputException($"{option} '{path}' is a file; give a folder (it is created if missing). Nothing was sent.")
            : full;
    }

    /// <summary>Creates <paramref name="folder"/> (a folder inside the option's, or the folder itself) and proves the option's folder writable.</summary>
    /// <exception cref="BadInputException">The folder cannot be created or written.</exception>
    public static void CreateWritable(string full, string folder, string path, string option)
    {
        // Named per process: two commands preparing the same folder at once do not trip over each other's probe.
        string probe = Path.Combine(full, $".skinlite-write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{option} '{path}' cannot be written: {ex.Message} Nothing was sent.");
        }
    }
}
