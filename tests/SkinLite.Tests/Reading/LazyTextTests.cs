using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The reader keeps long strings (URLs, descriptions, the summary) as UTF-8 ranges of the retained <c>output</c> and
/// decodes them when read, and reuses short labels between parses. These pin that the text read is exactly what an
/// eager decode would give, and that the result never depends on the caller's buffer after the call.
/// </summary>
public sealed class LazyTextTests
{
    [RecordedFixtureFact]
    public void Recorded_success_stays_the_same_after_the_input_buffer_is_overwritten()
    {
        byte[] pristine = RecordedFixtures.Read("transformation-success.json");
        byte[] reused = (byte[])pristine.Clone();

        SkinAnalysis analysis = AnalysisOutcome.Parse(reused).Result;
        Array.Fill(reused, (byte)'x');

        Assert.Equal(AnalysisText.Describe(AnalysisOutcome.Parse(pristine).Result), AnalysisText.Describe(analysis));
        Assert.Equal(
            "https://delivery.pixelbin.io/predictions/outputs/1y/kurenai/generate/skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6/t_zone.jpg",
            analysis.Zones.TZone?.ImageUrl);
        Assert.StartsWith("Your skin is doing well overall", analysis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_and_multi_byte_long_strings_decode_exactly()
    {
        SkinAnalysis analysis = ParseSuccess("""
            "inputImage": "https:\/\/cdn.example\/a b\/in.jpg",
            "summary": "Caf\u00e9 \"skin\" \u2014 raw: caf\u00c3 – fine",
            "concerns": [ { "tech_name": "acne", "description": "line1\nline2 \ud83d\ude00", "image": "plain", "analyses": "naïve — ok" } ]
            """);

        Assert.Equal("https://cdn.example/a b/in.jpg", analysis.InputImageUrl);
        Assert.Equal("Café \"skin\" — raw: cafÃ – fine", analysis.Summary);
        SkinConcern acne = Assert.Single(analysis.Concerns);
        Assert.Equal("line1\nline2 😀", acne.Description);
        Assert.Equal("plain", acne.ImageUrl);
        Assert.Equal("naïve — ok", acne.Analyses);
    }

    [Fact]
    public void Escaped_field_names_are_still_recognised()
    {
        SkinAnalysis analysis = ParseSuccess("""
            "concerns": [ { "tech\u005fname": "pores", "desc\u0072iption": "open", "v\u0061lue": 70 } ]
            """);

        SkinConcern pores = Assert.Single(analysis.Concerns);
        Assert.Equal("pores", pores.TechName);
        Assert.Equal("open", pores.Description);
        Assert.Equal(70, pores.Value);
    }

    [Fact]
    public void Long_fields_that_are_not_strings_read_as_null()
    {
        SkinAnalysis analysis = ParseSuccess("""
            "summary": 12, "inputImage": null, "combine_masked_url": ["a"],
            "zones": { "t_zone": { "image": { "url": "x" }, "type": "Oily" } },
            "concerns": [ { "tech_name": "acne", "description": false, "image": 3.5 } ]
            """);

        Assert.Null(analysis.Summary);
        Assert.Null(analysis.InputImageUrl);
        Assert.Null(analysis.CombineMaskedUrl);
        Assert.Null(analysis.Zones.TZone?.ImageUrl);
        Assert.Equal("Oily", analysis.Zones.TZone?.Type);
        Assert.Null(analysis.Concerns[0].Description);
        Assert.Null(analysis.Concerns[0].ImageUrl);
    }

    [Fact]
    public void Status_after_output_still_classifies_the_document()
    {
        const string Output = """{ "output": { "skinData": { "total_skin_score": 61, "summary": "ok", "concerns": [ { "tech_name": "acne" } ] } }""";

        AnalysisOutcome succeeded = AnalysisOutcome.Parse(Output + """, "status": "SUCCESS" }""");
        AnalysisOutcome failed = AnalysisOutcome.Parse(Output + """, "error": "backend down", "status": "FAILURE" }""");

        Assert.True(succeeded.IsSucceeded);
        Assert.Equal(61, succeeded.Result.TotalSkinScore);
        Assert.Equal("ok", succeeded.Result.Summary);
        Assert.Equal("acne", succeeded.Result.Concerns[0].TechName);
        Assert.True(failed.IsFailed);
        Assert.Equal("backend down", failed.Message);
    }

    [Fact]
    public void Short_labels_stay_right_across_many_parses_with_more_labels_than_the_cache_holds()
    {
        static AnalysisOutcome Parse(int i) => AnalysisOutcome.Parse(Document($$"""
            "skin_type": "type-{{i}}", "concerns": [ { "tech_name": "t{{i}}", "severity": "s{{i % 7}}", "score_range": ["{{i}}-{{i + 1}}", "x"] } ]
            """));

        for (int i = 0; i < 600; i++)
        {
            SkinAnalysis analysis = Parse(i).Result;
            Assert.Equal($"type-{i}", analysis.SkinType);
            Assert.Equal($"t{i}", analysis.Concerns[0].TechName);
            Assert.Equal($"s{i % 7}", analysis.Concerns[0].Severity);
            Assert.Equal([$"{i}-{i + 1}", "x"], analysis.Concerns[0].ScoreRange);
        }

        Assert.Equal("type-0", Parse(0).Result.SkinType);
    }

    private static SkinAnalysis ParseSuccess(string skinDataFields) => AnalysisOutcome.Parse(Document(skinDataFields)).Result;

    private static string Document(string skinDataFields) =>
        "{ \"status\": \"SUCCESS\", \"output\": { \"skinData\": { " + skinDataFields + " } } }";
}
