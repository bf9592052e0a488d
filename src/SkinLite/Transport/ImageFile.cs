namespace SkinLite;

/// <summary>Opens an image file for streaming, with errors that say what is wrong with the path.</summary>
internal static class ImageFile
{
    public static FileStream Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a directory, not an image file; nothing was sent.", nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no image file at '{path}'; nothing was sent.", path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }
}
