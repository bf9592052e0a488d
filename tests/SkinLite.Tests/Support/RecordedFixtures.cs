namespace SkinLite.Tests.Support;

/// <summary>
/// The real responses in ../shared/fixtures/recorded are third-party data: they are read from beside the clone,
/// never copied into the repository. Without them the tests that need them are skipped, not failed.
/// </summary>
internal static class RecordedFixtures
{
    public static string? Directory { get; } = Locate();

    public static string Path(string name) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("../shared/fixtures/recorded was not found."), name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    /// <summary>
    /// Exactly <c>../shared/fixtures/recorded</c> beside the clone: the folder above the one holding SkinLite.sln. No
    /// other <c>shared</c> folder up the tree is taken, so a stray copy elsewhere can never stand in for the real data.
    /// </summary>
    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SkinLite.sln")))
            {
                string? beside = dir.Parent is null ? null : System.IO.Path.Combine(dir.Parent.FullName, "shared", "fixtures", "recorded");
                return beside is not null && System.IO.Directory.Exists(beside) ? beside : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the recorded responses; skipped with a reason when ../shared is absent.</summary>
internal sealed class RecordedFixtureFactAttribute : FactAttribute
{
    public RecordedFixtureFactAttribute()
    {
        if (RecordedFixtures.Directory is null)
            Skip = "../shared/fixtures/recorded is not beside the clone";
    }
}

/// <summary>A theory that needs the recorded responses; skipped with a reason when ../shared is absent.</summary>
internal sealed class RecordedFixtureTheoryAttribute : TheoryAttribute
{
    public RecordedFixtureTheoryAttribute()
    {
        if (RecordedFixtures.Directory is null)
            Skip = "../shared/fixtures/recorded is not beside the clone";
    }
}

/// <summary>The suite's own fixtures, committed under Fixtures/ and copied beside the test assembly.</summary>
internal static class OwnFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
