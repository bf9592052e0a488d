namespace SkinLite.Cli.Results;

/// <summary>
/// --save DIR: the folder an analysis is saved to. Created and proved writable before anything is sent, so that a paid
/// analysis is never lost to a folder that cannot be written.
/// </summary>
internal sealed class SaveFolder
{
    private SaveFolder(string path, string shown)
    {
        Path = path;
        Shown = shown;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The folder as the user wrote it, for messages.</summary>
    public string Shown { get; }

    /// <exception cref="BadInputException">The folder cannot be made or written.</exception>
    public static SaveFolder Prepare(string path, string option)
    {
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"Invalid {option} '{path}': {ex.Message} Nothing was sent.");
        }

        if (File.Exists(full))
        {
            throw new BadInputException($"Invalid {option} '{path}': it is a file; give a folder (created if missing). Nothing was sent.");
        }

        string probe = System.IO.Path.Combine(full, $".skinlite-write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(full);
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"Invalid {option} '{path}': cannot write there: {ex.Message} Nothing was sent.");
        }

        return new SaveFolder(full, path);
    }

    /// <summary>A folder inside this one, for one image of a batch.</summary>
    public string Child(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A path inside this folder as the user would write it.</summary>
    public string ShownPath(string fileName) => System.IO.Path.Combine(Shown, fileName);
}
