namespace SkinLite.Tests.Reading;

/// <summary>Every field may be missing, null or of a surprising type: the reader keeps going and never range-checks.</summary>
public sealed class TolerantReadingTests
{
    private static SkinAnalysis Success(string skinData) =>
        AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"skinData":""" + skinData + "}}").Result;

    [Fact]
    public void An_empty_skin_data_is_an_analysis_of_nulls()
    {
        SkinAnalysis analysis = Success("{}");

        Assert.Null(analysis.TotalSkinScore);
        Assert.Null(analysis.SkinAge);
        Assert.Null(analysis.EyeAge);
        Assert.Null(analysis.SkinHealth);
        Assert.Null(analysis.SkinTone);
        Assert.Null(analysis.SkinShade);
        Assert.Null(analysis.SkinShadeHex);
        Assert.Null(analysis.SkinType);
        Assert.Null(analysis.FacialHair);
        Assert.Null(analysis.Summary);
        Assert.Null(analysis.Zones.TZone);
        Assert.Null(analysis.Zones.UZone);
        Assert.Empty(analysis.Concerns);
    }

    [Fact]
    public void Every_field_null_is_an_analysis_of_nulls()
    {
        SkinAnalysis analysis = Success("""
            {"total_skin_score":null,"skin_age":null,"eye_age":null,"skin_health":null,"skin_tone":null,"skin_shade":null,
             "skin_type":null,"facial_hair":null,"facial_hair_url":null,"inputImage":null,"combine_masked_url":null,
             "summary":null,"zones":null,"concerns":null}
            """);

        Assert.Null(analysis.TotalSkinScore);
        Assert.Null(analysis.SkinShadeHex);
        Assert.Null(analysis.InputImageUrl);
        Assert.Null(analysis.Zones.TZone);
        Assert.Empty(analysis.Concerns);
    }

    [Fact]
    public void A_success_without_skin_data_is_not_a_result_and_the_error_keeps_the_output()
    {
        // Issue 11: "a success with no analysis at all is not a result"; before, this was an analysis of nulls, exit 0.
        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"pdf":"https://x/report.pdf"}}"""));

        Assert.Contains("neither an analysis (skinData) nor an error", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://x/report.pdf", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData("17", 17)]
    [InlineData("150", 150)]
    [InlineData("-3", -3)]
    [InlineData("\"41\"", 41)]
    [InlineData("40.5", 41)]
    [InlineData("39.4", 39)]
    [InlineData("\"forty\"", null)]
    [InlineData("[40]", null)]
    [InlineData("{\"value\":40}", null)]
    [InlineData("1e300", null)]
    public void A_surprising_number_is_kept_or_becomes_null_never_an_error(string json, int? expected)
    {
        SkinAnalysis analysis = Success($$"""{"skin_age":{{json}},"total_skin_score":90}""");

        Assert.Equal(expected, analysis.SkinAge);
        Assert.Equal(90, analysis.TotalSkinScore); // the reader went on past it
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("{\"a\":1}")]
    [InlineData("[\"Oily\"]")]
    public void A_string_field_of_another_type_is_null_and_the_rest_is_read(string json)
    {
        SkinAnalysis analysis = Success($$"""{"skin_type":{{json}},"skin_tone":"Tan"}""");

        Assert.Null(analysis.SkinType);
        Assert.Equal("Tan", analysis.SkinTone);
    }

    [Fact]
    public void Concerns_that_are_not_an_array_are_empty_and_odd_items_are_skipped()
    {
        Assert.Empty(Success("""{"concerns":{"acne":1}}""").Concerns);

        SkinConcernList concerns = Success("""{"concerns":[1,"acne",null,{"tech_name":"acne","value":80},[]]}""").Concerns;

        SkinConcern acne = Assert.Single(concerns);
        Assert.Equal(80, acne.Value);
    }

    [Fact]
    public void A_score_range_with_odd_items_keeps_the_strings()
    {
        SkinConcern concern = Success("""{"concerns":[{"tech_name":"acne","score_range":["0-49",50,null,"90-100"],"severity_list":"Good"}]}""").Concerns[0];

        Assert.Equal(["0-49", "90-100"], concern.ScoreRange);
        Assert.Empty(concern.SeverityList);
    }

    [Fact]
    public void A_concern_without_a_tech_name_is_kept_and_found_by_nothing()
    {
        SkinConcernList concerns = Success("""{"concerns":[{"name":"Mystery","value":12}]}""").Concerns;

        SkinConcern mystery = Assert.Single(concerns);
        Assert.Null(mystery.TechName);
        Assert.Equal("Mystery: 12 (-)", mystery.ToString());
        Assert.Null(concerns.Find("mystery"));
    }

    [Fact]
    public void Zones_of_another_shape_are_null()
    {
        SkinAnalysis analysis = Success("""{"zones":{"t_zone":"Oily","u_zone":{"type":"Dry"}}}""");

        Assert.Null(analysis.Zones.TZone);
        Assert.Equal("Dry", analysis.Zones.UZone?.Type);
        Assert.Null(analysis.Zones.UZone?.ImageUrl);
    }

    [Fact]
    public void Deeply_nested_unknown_fields_are_skipped()
    {
        string deep = new string('[', 40) + new string(']', 40);

        SkinAnalysis analysis = Success($$"""{"extra":{{deep}},"total_skin_score":55}""");

        Assert.Equal(55, analysis.TotalSkinScore);
    }

    [Fact]
    public void Unknown_top_level_fields_of_every_type_are_skipped()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"a":[1,{"b":null}],"c":true,"d":1.5,"e":null,"status":"SUCCESS","f":{"status":"FAILED"},"output":{"skinData":{"skin_age":30}}}""");

        Assert.True(outcome.IsSucceeded);
        Assert.Equal(30, outcome.Result.SkinAge);
    }

    [Fact]
    public void Concern_look_up_refuses_a_null_name()
    {
        SkinConcernList concerns = Success("{}").Concerns;

        Assert.Throws<ArgumentNullException>(() => concerns.Find(null!));
    }
}
