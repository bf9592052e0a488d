using System.Text;
using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// An indented answer is read from a copy without its line breaks and indentation (what follows <c>output</c>), and the
/// result keeps that compact <c>output</c>: every value (concerns, zones, the long texts decoded on first read) must be
/// the same as from the answer on one line, and a malformed answer must still be reported where it breaks.
/// </summary>
public sealed class CompactOutputTests
{
    private const string Body = """
        "total_skin_score": 70, "summary": "Two  spaces, a \"quote\", a \\\" and a tab\there",
        "inputImage": "https://cdn.example/in put.jpg", "facial_hair_url": "https://cdn.example/h.jpg",
        "combine_masked_url": "https://cdn.example/c.jpg", "skin_type": "Oily",
        "zones": { "t_zone": { "image": "https://cdn.example/t zone.jpg", "type": "Oily" }, "u_zone": { "type": "Dry", "image": "https://cdn.example/u.jpg" } },
        "concerns": [
          { "tech_name": "acne", "value": 80, "score_range": [ "0-49", "50-89", "90-100" ], "severity": "Good",
            "severity_list": [ "Needs Attention", "Average", "Good" ], "image": "https://cdn.example/acne .jpg",
            "description": "Caf\u00e9 \u2014 fine", "analyses": "spots   and : , { [ marks", "sub_areas": [ ] },
          { "tech_name": "pores", "value": 40, "description": "open", "image": "https://cdn.example/p.jpg", "analyses": "size" }
        ]
        """;

    [Fact]
    public void The_retained_output_has_no_line_breaks_or_indentation_and_the_same_content()
    {
        string document = Document(Body, "  ", "\n");
        SkinAnalysis analysis = AnalysisOutcome.Parse(document).Result;

        string kept = Encoding.UTF8.GetString(analysis.OutputUtf8Json.Span);
        Assert.DoesNotContain('\n', kept);
        Assert.DoesNotContain("  \"", kept, StringComparison.Ordinal);
        using JsonDocument original = JsonDocument.Parse(document);
        Assert.True(JsonElement.DeepEquals(original.RootElement.GetProperty("output"), analysis.OutputJson));
        Assert.Contains("\"summary\": \"Two  spaces, a \\\"quote\\\", a \\\\\\\" and a tab\\there\"", kept, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" ", "\n")]
    [InlineData("\t", "\r\n")]
    [InlineData("    ", "\n\n")]
    public void Every_layout_reads_the_same(string indent, string newline)
    {
        string laidOut = Document(Body, indent, newline);
        SkinAnalysis expected = AnalysisOutcome.Parse(JsonLayout.WithoutLineBreaks(laidOut)).Result;
        SkinAnalysis analysis = AnalysisOutcome.Parse(laidOut).Result;

        Assert.Equal(AnalysisText.Describe(expected), AnalysisText.Describe(analysis));
        Assert.Equal("Two  spaces, a \"quote\", a \\\" and a tab\there", analysis.Summary);
        Assert.Equal("https://cdn.example/t zone.jpg", analysis.Zones.TZone?.ImageUrl);
        Assert.Equal("https://cdn.example/u.jpg", analysis.Zones.UZone?.ImageUrl);
        Assert.Equal("Café — fine", analysis.Concerns[0].Description);
        Assert.Equal("spots   and : , { [ marks", analysis.Concerns[0].Analyses);
        Assert.Equal("https://cdn.example/acne .jpg", analysis.Concerns[0].ImageUrl);
        Assert.Equal("size", analysis.Concerns[1].Analyses);
    }

    [Fact]
    public void Each_concern_and_zone_keeps_its_own_object()
    {
        SkinAnalysis analysis = AnalysisOutcome.Parse(Document(Body, "  ", "\n")).Result;

        Assert.Equal("""{ "tech_name": "pores", "value": 40, "description": "open", "image": "https://cdn.example/p.jpg", "analyses": "size" }""", analysis.Concerns[1].Json.GetRawText());
        Assert.Equal("""{ "type": "Dry", "image": "https://cdn.example/u.jpg" }""", analysis.Zones.UZone?.Json.GetRawText());
        Assert.Equal(0, analysis.Concerns[0].Json.GetProperty("sub_areas").GetArrayLength());
    }

    [RecordedFixtureFact]
    public void The_recorded_answer_reads_the_same_indented_as_on_one_line()
    {
        byte[] recorded = RecordedFixtures.Read("transformation-success.json");

        SkinAnalysis indented = AnalysisOutcome.Parse(recorded).Result;
        SkinAnalysis oneLine = AnalysisOutcome.Parse(JsonLayout.WithoutLineBreaks(Encoding.UTF8.GetString(recorded))).Result;

        Assert.Equal(AnalysisText.Describe(oneLine), AnalysisText.Describe(indented));
        Assert.Equal(oneLine.OutputUtf8Json.ToArray(), indented.OutputUtf8Json.ToArray());
        Assert.True(indented.OutputUtf8Json.Length < 0.8 * recorded.Length, $"kept {indented.OutputUtf8Json.Length} of {recorded.Length} bytes");
    }

    [Fact]
    public void A_raw_line_break_inside_a_string_is_still_malformed_and_placed_in_the_body_as_sent()
    {
        string document = "{\n  \"status\": \"SUCCESS\",\n  \"output\": {\n    \"skinData\": {\n      " + Unmodelled + "\n      \"summary\": \"one\n      two\"\n    }\n  }\n}";

        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(document));

        Assert.Contains("at line 6, byte ", error.Message, StringComparison.Ordinal);
        Assert.Equal(document, error.BodyExcerpt);
    }

    [Fact]
    public void Label_lists_are_shared_between_concerns_and_answers_and_cannot_be_changed()
    {
        SkinAnalysis first = AnalysisOutcome.Parse(Document(Body, " ", "\n")).Result;
        SkinAnalysis second = AnalysisOutcome.Parse(Document(Body, "", "")).Result;

        IReadOnlyList<string> bands = first.Concerns[0].ScoreRange;
        Assert.Equal(["0-49", "50-89", "90-100"], bands);
        Assert.Same(bands, second.Concerns[0].ScoreRange);
        Assert.IsNotType<string[]>(bands);
        var asList = Assert.IsAssignableFrom<IList<string>>(bands);
        Assert.Throws<NotSupportedException>(() => asList[0] = "changed");
        Assert.Equal(["Needs Attention", "Average", "Good"], second.Concerns[0].SeverityList);
        Assert.Empty(first.Concerns[1].ScoreRange);
    }

    [Fact]
    public void A_list_longer_than_the_shared_ones_keeps_every_label()
    {
        string labels = string.Join(", ", Enumerable.Range(0, 11).Select(i => $"\"b{i}\""));
        SkinAnalysis analysis = AnalysisOutcome.Parse(Document($$"""
            "concerns": [ { "tech_name": "acne", "score_range": [ {{labels}} ] } ]
            """, " ", "\n")).Result;

        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"b{i}"), analysis.Concerns[0].ScoreRange);
    }

    [Fact]
    public void An_escaped_long_text_is_checked_when_parsed_and_unescaped_when_read()
    {
        string longEscaped = string.Concat(Enumerable.Repeat("\\u00e9t\\u00e9 ", 80)); // over the on-stack check's limit
        SkinAnalysis analysis = AnalysisOutcome.Parse(Document($$"""
            "summary": "{{longEscaped}}", "concerns": [ { "tech_name": "acne", "description": "a\/b\u0041" } ]
            """, " ", "\n")).Result;
        byte[] broken = [.. """{"status":"SUCCESS","output":{"skinData":{"summary":"tab\t then """u8, 0xC3, 0x28, .. "\"}}}"u8];

        Assert.Equal(string.Concat(Enumerable.Repeat("été ", 80)), analysis.Summary);
        Assert.Equal("a/bA", analysis.Concerns[0].Description);
        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(broken));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An unmodelled field that makes the answer as long as a real success (short answers are read as they are).</summary>
    private static readonly string Unmodelled = $"\"unmodelled\": \"{new string('z', 2048)}\",";

    private static string Document(string skinDataFields, string indent, string newline) =>
        string.Join(newline, "{", $"{indent}\"status\": \"SUCCESS\",", $"{indent}\"output\": {{", $"{indent}{indent}\"skinData\": {{")
        + newline + string.Join(newline, (Unmodelled + "\n" + skinDataFields).Split('\n').Select(line => indent + indent + indent + line.TrimEnd('\r')))
        + newline + $"{indent}{indent}}}" + newline + $"{indent}}}" + newline + "}";
}
