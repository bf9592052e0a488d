using System.Security.Cryptography;
using System.Text;
using SkinLite.Reports.Html;

namespace SkinLite.Reports.Tests;

public sealed class ContentSecurityPolicyTests
{
    /// <summary>The hash source of an inline block, computed here independently of the library.</summary>
    public static string Sha256(string inline)
    {
        using var sha = SHA256.Create();
        return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(inline)));
    }

    [Fact]
    public void A_page_without_script_has_no_script_source()
    {
        string policy = ContentSecurityPolicy.For("p{}", script: null, allowRelativeImages: false);

        Assert.Equal($"default-src 'none'; img-src data:; style-src '{Sha256("p{}")}'; base-uri 'none'; form-action 'none'", policy);
    }

    [Fact]
    public void A_page_with_script_allows_that_script_only()
    {
        string policy = ContentSecurityPolicy.For("p{}", "x()", allowRelativeImages: true);

        Assert.Equal($"default-src 'none'; img-src 'self' file: data:; style-src '{Sha256("p{}")}'; script-src '{Sha256("x()")}'; base-uri 'none'; form-action 'none'", policy);
    }

    [Fact]
    public void The_inline_blocks_need_no_escaping_to_stay_blocks()
    {
        // A '</' inside the stylesheet or the script would end the block early and change what the hash covers.
        Assert.DoesNotContain("</", ReportStylesheet.Css, StringComparison.Ordinal);
        Assert.DoesNotContain("</", SortScript.Js, StringComparison.Ordinal);
        Assert.True(ReportStylesheet.Css.All(char.IsAscii));
        Assert.True(SortScript.Js.All(char.IsAscii));
    }
}
