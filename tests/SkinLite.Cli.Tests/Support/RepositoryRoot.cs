namespace SkinLite.Cli.Tests.Support;

/// <summary>The clone's root: the first folder above the test binary that holds SkinLite.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "SkinLite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SkinLite.sln above {AppContext.BaseDirectory}.");
    }
}
