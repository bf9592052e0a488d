namespace SkinLite.TestSupport;

/// <summary>A fresh temporary folder, deleted with everything in it on dispose; <see cref="Write"/> puts a file in it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "skinlite-tests-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns the file's path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file a test left open or locked: the folder is in the temporary area and goes with it.
        }
    }
}
