using CsCheck;
using SkinLite.Reports.Html;

namespace SkinLite.Reports.Tests;

public sealed class RelativeHrefTests
{
    [Theory]
    [InlineData("photo-1/report.html", "photo-1/report.html")]
    [InlineData("my photos/a b#1?.jpg", "my%20photos/a%20b%231%3F.jpg")]
    [InlineData("photos\\img 1\\report.html", "photos/img%201/report.html")]
    [InlineData("./x/./y.html", "x/y.html")]
    [InlineData("javascript:alert(1)", "javascript%3Aalert%281%29")]
    [InlineData("\"><script>.html", "%22%3E%3Cscript%3E.html")]
    [InlineData("x'y.html", "x%27y.html")]
    public void Encodes_each_segment(string path, string expected) => Assert.Equal(expected, RelativeHref.Encode(path));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/etc/passwd")]
    [InlineData("//evil.example/x.png")]
    [InlineData("\\\\server\\share\\x.png")]
    [InlineData("C:\\photos\\x.png")]
    [InlineData("c:x.png")]
    [InlineData("../outside.html")]
    [InlineData("a/../../b.html")]
    [InlineData("a\\..\\b.html")]
    [InlineData("a\0b.html")]
    [InlineData("./")]
    public void Refuses_what_is_not_a_plain_relative_path(string? path) => Assert.Null(RelativeHref.Encode(path));

    [Fact]
    public void Https_urls_never_stay_urls()
    {
        string? encoded = RelativeHref.Encode("https://evil.example/x.png");

        Assert.NotNull(encoded);
        Assert.DoesNotContain(":", encoded, StringComparison.Ordinal);
        Assert.StartsWith("https%3A/", encoded, StringComparison.Ordinal);
    }
}

public sealed class RelativeHrefPropertyTests
{
    [Fact]
    public void Any_path_becomes_a_relative_path_of_safe_characters_or_nothing()
    {
        Gen<string> paths = Gen.OneOf(
            Gen.String,
            Gen.Char["./\\:?#%\"'<> ~é\0aZ"].Array[0, 40].Select(chars => new string(chars)));

        paths.Sample(path =>
        {
            if (RelativeHref.Encode(path) is not { } href)
            {
                return;
            }

            Assert.Matches("^[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*$", href);
            Assert.DoesNotContain(href.Split('/'), segment => segment is ".." or ".");
        });
    }
}
