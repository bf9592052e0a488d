namespace SkinLite.Cli.Output;

/// <summary>Writes a file so that it is never left half-written: to FILE.tmp beside it, then moved over FILE.</summary>
internal static class OutputFile
{
    /// <exception cref="IOException">Writing or moving failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory may not be written.</exception>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        string temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(content);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
