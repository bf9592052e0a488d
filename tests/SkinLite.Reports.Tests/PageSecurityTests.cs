using System.Text.RegularExpressions;
using SkinLite.Reports.Html;
using SkinLite.Reports.Tests.Support;

namespace SkinLite.Reports.Tests;

/// <summary>What every page must be, whatever the document: no network, a policy matching its inline blocks, nothing that runs but the index's one script.</summary>
public sealed class PageSecurityTests
{
    private static readonly string[] UrlAttributes = ["src", "href", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "ping", "cite"];

    public static TheoryData<string> Pages => SamplePages.Names;

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_policy_is_the_first_element_of_the_head_and_allows_only_the_inline_blocks_by_hash(string page)
    {
        string html = SamplePages.All[page];
        string policy = HtmlScan.Policy(html);
        IReadOnlyList<string> styles = HtmlScan.Blocks(html, "style");
        IReadOnlyList<string> scripts = HtmlScan.Blocks(html, "script");

        Assert.Equal("default-src 'none'", HtmlScan.Directive(policy, "default-src"));
        Assert.Equal("base-uri 'none'", HtmlScan.Directive(policy, "base-uri"));
        Assert.Equal("form-action 'none'", HtmlScan.Directive(policy, "form-action"));
        string style = Assert.Single(styles);
        Assert.Equal($"style-src '{ContentSecurityPolicyTests.Sha256(style)}'", HtmlScan.Directive(policy, "style-src"));
        if (SamplePages.IsIndex(page))
        {
            string script = Assert.Single(scripts);
            Assert.Equal($"script-src '{ContentSecurityPolicyTests.Sha256(script)}'", HtmlScan.Directive(policy, "script-src"));
            Assert.Equal("img-src 'self' file: data:", HtmlScan.Directive(policy, "img-src"));
        }
        else
        {
            Assert.Empty(scripts);
            Assert.Null(HtmlScan.Directive(policy, "script-src"));
            Assert.Equal("img-src data:", HtmlScan.Directive(policy, "img-src"));
        }

        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_style_attribute_nor_event_handler_anywhere(string page)
    {
        var attributes = HtmlScan.Attributes(SamplePages.All[page]).ToList();

        Assert.NotEmpty(attributes);
        Assert.DoesNotContain(attributes, attribute => attribute.Name == "style");
        Assert.DoesNotContain(attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_source_or_link_leaves_the_page(string page)
    {
        string html = SamplePages.All[page];
        foreach ((string tag, string name, string value) in HtmlScan.Attributes(html).Where(attribute => UrlAttributes.Contains(attribute.Name)))
        {
            Assert.False(Regex.IsMatch(value, "^\\s*(https?:|//|javascript:|vbscript:|file:|/)", RegexOptions.IgnoreCase), $"<{tag} {name}=\"{value}\"> points outside the page.");
            Assert.DoesNotContain("..", value, StringComparison.Ordinal);
            if (((tag == "img" && name == "src") || tag == "image") && !SamplePages.IsIndex(page))
            {
                Assert.Matches("^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$", value);
            }

            if (tag == "use")
            {
                Assert.Equal("#input-photo", value); // a reference within the page, nothing else
            }
        }

        Assert.DoesNotMatch("<(link|base|iframe|object|embed|form|meta http-equiv=\"refresh\")", html);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", HtmlScan.Blocks(html, "style")[0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Hostile_strings_never_appear_raw(string page)
    {
        string html = SamplePages.All[page];

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        // The text of alt, aria-label or data-sort may say "javascript:" (it is text there); no URL attribute may.
        Assert.DoesNotContain(HtmlScan.Attributes(html), attribute => UrlAttributes.Contains(attribute.Name) && attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(HtmlScan.Attributes(html), attribute => attribute.Tag is "script" or "iframe" or "object" or "embed");
        Assert.Equal(SamplePages.IsIndex(page) ? 1 : 0, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_is_an_accessible_document(string page)
    {
        string html = SamplePages.All[page];
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Equal(Regex.Matches(html, "<img ").Count, Regex.Matches(html, "<img [^>]*alt=\"[^\"]+\"").Count);
        Assert.Equal(Regex.Matches(html, "<table").Count, Regex.Matches(html, "<caption>").Count);
        Assert.DoesNotMatch("<th>", html); // every header cell has a scope
        Assert.Contains("@media print", HtmlScan.Blocks(html, "style")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_hashes_are_of_the_emitted_text()
    {
        Assert.Equal(ContentSecurityPolicyTests.Sha256(ReportStylesheet.Css), ContentSecurityPolicy.Hash(ReportStylesheet.Css));
        Assert.Equal(ContentSecurityPolicyTests.Sha256(SortScript.Js), ContentSecurityPolicy.Hash(SortScript.Js));
    }
}
