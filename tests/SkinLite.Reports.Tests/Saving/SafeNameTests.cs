using System.Text.RegularExpressions;
using CsCheck;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>Local names come only from slugs: whatever text a document sends, the slug is short, plain ASCII and cannot name a folder.</summary>
public sealed partial class SafeNameTests
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugShape();

    [Fact]
    public void Any_string_slugs_to_at_most_40_lower_case_ascii_letters_digits_and_inner_dashes() =>
        Gen.String.Sample(text => Assert.Matches(SlugShape(), SafeName.Slug(text)), iter: 5_000);

    [Fact]
    public void Any_char_sequence_including_separators_dots_and_unicode_slugs_safely() =>
        Gen.Char.Array[0, 300].Select(chars => new string(chars)).Sample(text =>
        {
            string slug = SafeName.Slug(text);
            Assert.Matches(SlugShape(), slug);
            Assert.DoesNotContain("..", slug, StringComparison.Ordinal);
        }, iter: 5_000);

    [Theory]
    [InlineData("dark circle", "dark-circle")]
    [InlineData("Post Acne Scars", "post-acne-scars")]
    [InlineData("t_zone", "t-zone")]
    [InlineData("../../.ssh/x", "ssh-x")]
    [InlineData("..\\..\\windows\\system32", "windows-system32")]
    [InlineData("..", "image")]
    [InlineData("", "image")]
    [InlineData("日本語", "image")]
    [InlineData("Crème brûlée", "cr-me-br-l-e")]
    [InlineData("CON", "con")]
    public void Known_names_slug_as_expected(string text, string expected) => Assert.Equal(expected, SafeName.Slug(text));

    [Fact]
    public void A_10000_character_name_becomes_40_characters()
    {
        string slug = SafeName.Slug(new string('a', 10_000));

        Assert.Equal(new string('a', 40), slug);
    }

    [Fact]
    public void Truncation_never_leaves_a_trailing_dash() => Assert.Equal(new string('a', 39), SafeName.Slug(new string('a', 39) + " b"));

    [Theory]
    [InlineData("https://cdn.test/p/dark%20circle.jpg", "dark circle")]
    [InlineData("https://cdn.test/p/dark circle.jpg", "dark circle")]
    [InlineData("https://cdn.test/p/..%2F..%2Fx.png", "../../x")]
    [InlineData("not a url", null)]
    public void The_stem_of_a_url_is_its_unescaped_last_segment_without_extension(string url, string? stem) => Assert.Equal(stem, SafeName.UrlStem(url));

    [Fact]
    public void A_name_that_would_leave_the_folder_is_refused()
    {
        using var folder = new TempFolder();

        Assert.Throws<InvalidOperationException>(() => SafeName.Contained(folder.Path, "../x"));
        Assert.Throws<InvalidOperationException>(() => SafeName.Contained(folder.Path, "images/../../x"));
        Assert.StartsWith(folder.Path, SafeName.Contained(folder.Path, "images/a.png"), StringComparison.Ordinal);
    }
}
