namespace SkinLite;

/// <summary>Opens an image file for reading, with errors that say what is wrong with the path, before anything is sent.</summary>
internal static class ImageFile
{
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">The path is a directory, a FIFO, a device or a socket: not an image file.</exception>
    public static FileStream Open(string path, FileOptions options = FileOptions.Asynchronous | FileOptions.SequentialScan)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileKind kind = FileKinds.Of(path);
        return kind switch
        {
            FileKind.Regular => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, options),
            FileKind.Missing => throw new FileNotFoundException($"There is no image file at '{path}'; nothing was sent.", path),
            _ => throw new ArgumentException($"'{path}' is {FileKinds.Describe(kind)}, not an image file; nothing was sent.", nameof(path)),
        };
    }
}
