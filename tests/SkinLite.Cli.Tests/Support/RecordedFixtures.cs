namespace SkinLite.Cli.Tests.Support;

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

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "recorded");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
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
