namespace SkinLite.TestSupport;

/// <summary>
/// The real responses in ../shared/fixtures/recorded are third-party data: they are read from beside the clone,
/// never copied into the repository. Tests that need them are skipped, not failed, when they are absent.
/// </summary>
public static class RecordedFixtures
{
    /// <summary>
    /// Exactly <c>../shared/fixtures/recorded</c> beside the clone: the folder above <see cref="RepositoryRoot"/>. No other
    /// <c>shared</c> folder up the tree is taken, so a stray copy elsewhere can never stand in for the real data. Null when absent.
    /// </summary>
    public static string? Directory { get; } = Locate();

    public static string Path(string name) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("../shared/fixtures/recorded was not found."), name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    private static string? Locate()
    {
        string? parent = RepositoryRoot.Found is { } root ? System.IO.Directory.GetParent(root)?.FullName : null;
        string? beside = parent is null ? null : System.IO.Path.Combine(parent, "shared", "fixtures", "recorded");
        return beside is not null && System.IO.Directory.Exists(beside) ? beside : null;
    }
}
