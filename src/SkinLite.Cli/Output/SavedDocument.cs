namespace SkinLite.Cli.Output;

/// <summary>
/// --save-document FILE: where the service's final document goes. The path is checked before anything is sent (its
/// directory exists and FILE.tmp can be created there), and the document is written to FILE.tmp and then moved over
/// FILE, so that FILE is never left half-written.
/// </summary>
internal sealed class SavedDocument
{
    /// <summary>A prediction document is a few tens of KB; anything far larger is not one (show refuses it too).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private readonly string _path;
    private readonly string _shown;

    private SavedDocument(string path, string shown)
    {
        _path = path;
        _shown = shown;
    }

    /// <returns><see langword="null"/> when <paramref name="path"/> is (no --save-document).</returns>
    /// <exception cref="BadInputException">The file cannot be written there.</exception>
    public static SavedDocument? Prepare(string? path)
    {
        if (path is null)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"Invalid --save-document '{path}': {ex.Message} Nothing was sent.");
        }

        string? directory = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
        {
            throw new BadInputException($"Invalid --save-document '{path}': it is a directory; give a file path. Nothing was sent.");
        }

        if (directory is null || !Directory.Exists(directory))
        {
            throw new BadInputException($"Invalid --save-document '{path}': there is no directory '{directory}'. Nothing was sent.");
        }

        // Proves the directory is writable now, rather than after a paid analysis.
        string temporary = full + ".tmp";
        try
        {
            using (new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"Invalid --save-document '{path}': cannot write '{temporary}': {ex.Message} Nothing was sent.");
        }

        return new SavedDocument(full, path);
    }

    /// <summary>Writes the document atomically; a failure is reported on stderr and does not change the exit code.</summary>
    public void Write(byte[]? document)
    {
        if (document is null)
        {
            NotWritten("the service sent no result document");
            return;
        }

        try
        {
            OutputFile.WriteAtomically(_path, document);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Terminal.Error($"Could not save the document to '{_shown}': {ex.Message}");
        }
    }

    /// <summary>For a wait that ended without an outcome: there is no final document to save.</summary>
    public void NotWritten(string why) => Terminal.Error($"No document was saved to '{_shown}': {why}.");

    /// <summary>The --save-document option.</summary>
    public const string OptionName = "--save-document";

    public static System.CommandLine.Option<string?> Option() => new(OptionName)
    {
        Description = "Also write the service's final result document (its raw JSON) to this file; 'skinlite show FILE' prints it again.",
        HelpName = "file",
    };
}
