using SkinLite.Cli.Output;

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
        string full = OptionFolder.FullPath(path, option);
        OptionFolder.CreateWritable(full, full, path, option);
        return new SaveFolder(full, path);
    }

    /// <summary>A folder inside this one, for one image of a batch.</summary>
    public string Child(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A path inside this folder as the user would write it.</summary>
    public string ShownPath(string fileName) => System.IO.Path.Combine(Shown, fileName);
}
