namespace SkinLite.Cli.Input;

/// <summary>The one way the CLI opens a file it was given: a regular file, or a clear refusal that names what the path is.</summary>
internal static class RegularFile
{
    /// <summary>
    /// Opens a regular file only: a FIFO would block the open until something writes to it (where neither Ctrl-C nor
    /// SIGTERM reach), and a device such as /dev/zero never ends.
    /// </summary>
    /// <exception cref="BadInputException">The path is missing, not a regular file, or cannot be read.</exception>
    public static FileStream Open(string path, string what)
    {
        FileKind kind = FileKinds.Of(path);
        try
        {
            return kind switch
            {
                FileKind.Regular => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1),
                FileKind.Missing => throw new BadInputException($"There is no file at '{path}'."),
                _ => throw new BadInputException($"'{path}' is {FileKinds.Describe(kind)}, not {what}."),
            };
        }
        catch (UnauthorizedAccessException)
        {
            throw new BadInputException($"'{path}' cannot be read: permission denied.");
        }
        catch (IOException ex)
        {
            throw new BadInputException($"'{path}' cannot be read: {ex.Message}");
        }
    }
}
