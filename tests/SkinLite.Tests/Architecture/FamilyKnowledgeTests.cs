using System.Text.RegularExpressions;

namespace SkinLite.Tests.Architecture;

/// <summary>
/// What each API family is on the wire (its base path, the plugin name, the scan-id rule) is written once, in
/// <c>SkinLiteApiExtensions</c>; the client, the emulator and the command line read it from there.
/// </summary>
public sealed partial class FamilyKnowledgeTests
{
    private const string Home = "src/SkinLite/Model/SkinLiteApiExtensions.cs";

    [Fact]
    public void The_base_paths_and_the_plugin_name_are_written_only_in_their_home()
    {
        string src = Path.Combine(LibrarySources.RepositoryRoot, "src");
        var copies = new List<string>();
        int read = 0;
        foreach (string path in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(LibrarySources.RepositoryRoot, path).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            read++;
            if (relative == Home)
            {
                continue;
            }

            string code = LibrarySources.WithoutComments(File.ReadAllText(path));
            copies.AddRange(WireFact().Matches(code).Select(m => $"{relative}: {m.Value}"));
        }

        Assert.True(read > 100, $"only {read} source files read under {src}");
        Assert.True(copies.Count == 0, "Copies of the families' wire facts:\n" + string.Join("\n", copies));
    }

    [Fact]
    public void The_home_says_what_the_client_sends()
    {
        string home = File.ReadAllText(Path.Combine(LibrarySources.RepositoryRoot, Home));

        Assert.Equal(3, WireFact().Matches(home).Count(m => m.Value.StartsWith("\"/service/", StringComparison.Ordinal)));
        Assert.Equal(new Uri("https://api.pixelbin.io/service/platform/transformation/v1.0"), SkinLiteApi.Transformation.DefaultBaseAddress());
        Assert.Equal([true, true, false], SkinLiteApiExtensions.All.Select(a => a.UsesScanId()));
    }

    [Theory]
    [InlineData("var p = \"/service/private/misc/v2.0\";", 1)]
    [InlineData("const string Plugin = \"skinAnalysisInt\";", 1)]
    [InlineData("// \"/service/private/misc/v2.0\" in a comment", 0)]
    [InlineData("var e = \"Backend for skinAnalysisInt/generate failed\";", 0)]
    public void The_check_sees_a_copied_literal_and_nothing_else(string code, int expected)
    {
        Assert.Equal(expected, WireFact().Matches(LibrarySources.WithoutComments(code)).Count);
    }

    // A string literal that is, or starts with, a family's path; or that is exactly the plugin name.
    [GeneratedRegex("\"/service/[^\"]*\"|\"skinAnalysisInt\"")]
    private static partial Regex WireFact();
}
