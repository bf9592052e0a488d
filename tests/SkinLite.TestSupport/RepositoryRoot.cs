namespace SkinLite.TestSupport;

/// <summary>The clone's root: the first folder above the running binary that holds SkinLite.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The root, or null when no folder above the binary holds SkinLite.sln.</summary>
    public static string? Found { get; } = Locate();

    public static string Path => Found ?? throw new InvalidOperationException($"No SkinLite.sln above {AppContext.BaseDirectory}.");

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "SkinLite.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
