namespace SkinLite.Cli.Input;

/// <summary>
/// The local checks of an image path, in the order a person would want them reported: the file itself first (missing,
/// a directory or other special file, unreadable, empty), then the image rules of the service (size, format, resolution).
/// </summary>
internal static class ImageInput
{
    /// <exception cref="BadInputException">The path is not a readable, non-empty regular file.</exception>
    public static void EnsureReadableFile(string path)
    {
        using FileStream stream = OpenNonEmpty(path);
    }

    /// <summary>Opens the image file for reading, after the same checks as <see cref="EnsureReadableFile"/>.</summary>
    /// <exception cref="BadInputException">The path is not a readable, non-empty regular file.</exception>
    public static FileStream OpenNonEmpty(string path)
    {
        FileStream stream = RegularFile.Open(path, "an image file");
        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new BadInputException($"'{path}' is empty (0 bytes); it is not an image.");
        }

        return stream;
    }

    /// <summary>The file checks, then the service's image rules.</summary>
    /// <exception cref="BadInputException">The path is not a readable, non-empty regular file.</exception>
    public static ImagePreflightResult Preflight(string path)
    {
        EnsureReadableFile(path);
        try
        {
            return ImagePreflight.CheckFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"'{path}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>A failed preflight as one line that names the file; the library's message names the measured value and the limit.</summary>
    public static string Describe(string path, ImagePreflightResult result) => $"'{path}': {result.Message}";
}
