using CsCheck;
using SkinLite.Reports.Tests.Support;

namespace SkinLite.Reports.Tests;

/// <summary>Whatever string the service puts in every field of a document, the page shows it as text and nothing more.</summary>
public sealed class HostileDocumentTests
{
    private static readonly Gen<string> Payloads = Gen.OneOf(
        Gen.Const("<script>alert(1)</script>"),
        Gen.Const("\"><img src=x onerror=alert(1)>"),
        Gen.Const("javascript:alert(1)"),
        Gen.Const("</style><script>alert(1)</script>"),
        Gen.Const("<!--"),
        Gen.Const("]]><svg onload=alert(1)>"),
        Gen.Char["<>\"'&=/ :;\0\u2028\uD800xon"].Array[1, 60].Select(chars => new string(chars)),
        Gen.String[1, 60]).Where(payload => !string.IsNullOrWhiteSpace(payload)); // a blank summary or description is left out, which is not what this is about

    [Fact]
    public void Any_string_in_every_field_adds_no_element_and_no_attribute()
    {
        string baseline = AnalysisReport.Render(SampleDocuments.Hostile("x"));
        int elements = CountTags(baseline);
        var names = HtmlScan.Attributes(baseline).Select(attribute => attribute.Tag + " " + attribute.Name).ToHashSet();

        Payloads.Sample(payload =>
        {
            string html = AnalysisReport.Render(SampleDocuments.Hostile(payload));

            Assert.Equal(elements, CountTags(html));
            Assert.All(HtmlScan.Attributes(html), attribute => Assert.Contains(attribute.Tag + " " + attribute.Name, names));
            Assert.Single(HtmlScan.Blocks(html, "style"));
            Assert.Empty(HtmlScan.Blocks(html, "script"));
        }, iter: 200);
    }

    [Fact]
    public void A_hostile_message_of_a_rejection_or_failure_is_text()
    {
        Payloads.Sample(payload =>
        {
            foreach (byte[] document in (byte[][])[SampleDocuments.Rejected(payload), SampleDocuments.Failed(payload)])
            {
                string html = AnalysisReport.Render(document);

                Assert.Empty(HtmlScan.Blocks(html, "script"));
                Assert.DoesNotContain(HtmlScan.Attributes(html), attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal));
            }
        }, iter: 100);
    }

    [Fact]
    public void A_ten_thousand_character_name_is_capped()
    {
        string name = new('W', 10_000);

        string html = AnalysisReport.Render(SampleDocuments.Success(concerns: [new(name, "long", 50, "Average", "x")]));

        Assert.DoesNotContain(new string('W', 201), html, StringComparison.Ordinal);
        Assert.Contains(new string('W', 200) + "\u2026", html, StringComparison.Ordinal);
    }

    /// <summary>Start tags, comments and CDATA openings: anything that would make the parser build something.</summary>
    private static int CountTags(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<[A-Za-z!/?]").Count;
}
