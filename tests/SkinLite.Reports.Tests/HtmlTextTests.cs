using System.Net;
using System.Text;
using CsCheck;
using SkinLite.Reports.Html;

namespace SkinLite.Reports.Tests;

public sealed class HtmlTextTests
{
    /// <summary>Strings made of the characters that matter, so that the property meets them often.</summary>
    private static readonly Gen<string> Tricky =
        Gen.Char["<>\"'&;#x:/ =\t\n\r\0\u0001\u001B\u007F\u0085\u2028\uD800\uDC00\uD83D\uDE00aZ9é"].Array[0, 80].Select(chars => new string(chars));

    private static readonly Gen<string> Strings = Gen.OneOf(Gen.String, Tricky);

    [Fact]
    public void Escaped_text_has_no_raw_markup_characters_and_decodes_to_the_cleaned_input()
    {
        Strings.Sample(text =>
        {
            string escaped = HtmlText.Escape(text, int.MaxValue);
            Assert.DoesNotContain('<', escaped);
            Assert.DoesNotContain('>', escaped);
            Assert.DoesNotContain('"', escaped);
            Assert.DoesNotContain('\'', escaped);
            Assert.Equal(Expected(text), WebUtility.HtmlDecode(escaped));
        });
    }

    [Fact]
    public void Escaped_text_has_no_control_character_but_tab_and_line_ends()
    {
        Strings.Sample(text => Assert.DoesNotContain(HtmlText.Escape(text, int.MaxValue), c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a & b 'c'", "a &amp; b &#39;c&#39;")]
    [InlineData("nul\0here", "nulhere")]
    public void Escapes_the_five_characters(string text, string expected) => Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void A_very_long_string_is_capped_with_an_ellipsis()
    {
        string escaped = HtmlText.Escape(new string('x', 10_000));

        Assert.Equal(HtmlText.ShortLimit + 1, escaped.Length);
        Assert.EndsWith("x\u2026", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Capping_never_splits_a_surrogate_pair()
    {
        string text = new string('x', HtmlText.ShortLimit - 1) + "\uD83D\uDE00" + "tail";

        string capped = HtmlText.Cap(text, HtmlText.ShortLimit);

        Assert.Equal(new string('x', HtmlText.ShortLimit - 1) + "\u2026", capped);
    }

    /// <summary>The input as the page should show it: controls but tab and line ends removed, a lone surrogate replaced.</summary>
    private static string Expected(string text)
    {
        var expected = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                expected.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                expected.Append('\uFFFD');
            }
            else if (!char.IsControl(c) || c is '\t' or '\n' or '\r')
            {
                expected.Append(c);
            }
        }

        return expected.ToString();
    }
}
