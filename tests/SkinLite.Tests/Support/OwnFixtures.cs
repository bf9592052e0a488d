namespace SkinLite.Tests.Support;

/// <summary>The suite's own fixtures, committed under Fixtures/ and copied beside the test assembly.</summary>
internal static class OwnFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
