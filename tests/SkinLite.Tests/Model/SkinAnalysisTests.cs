namespace SkinLite.Tests.Model;

/// <summary>The analysis model's derived values and the concern list's look-up.</summary>
public sealed class SkinAnalysisTests
{
    private static SkinAnalysis Success(string skinData) =>
        AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"skinData":""" + skinData + "}}").Result;

    [Theory]
    [InlineData("\"9D7A54\"", "9D7A54", "#9D7A54")]
    [InlineData("\"#9D7A54\"", "#9D7A54", "#9D7A54")]
    [InlineData("\"\"", "", null)]
    [InlineData("null", null, null)]
    public void The_shade_is_kept_as_sent_and_given_one_leading_hash(string json, string? shade, string? hex)
    {
        SkinAnalysis analysis = Success($$"""{"skin_shade":{{json}}}""");

        Assert.Equal(shade, analysis.SkinShade);
        Assert.Equal(hex, analysis.SkinShadeHex);
    }

    [Fact]
    public void The_emulator_marker_is_read_in_skin_data_or_output()
    {
        Assert.True(Success("""{"emulated":true}""").IsEmulated);
        Assert.True(AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"emulated":true,"skinData":{}}}""").Result.IsEmulated);
        Assert.False(Success("""{"emulated":"no"}""").IsEmulated);
        Assert.False(Success("{}").IsEmulated);
    }

    [Fact]
    public void The_concern_list_keeps_order_and_indexes_and_finds_the_first_match()
    {
        SkinConcernList concerns = Success("""{"concerns":[{"tech_name":"acne","value":1},{"tech_name":"pores","value":2},{"tech_name":"Acne","value":3}]}""").Concerns;

        Assert.Equal(3, concerns.Count);
        Assert.Equal(2, concerns[1].Value);
        Assert.Equal([1, 2, 3], concerns.Select(c => c.Value!.Value).ToArray());
        Assert.Equal(1, concerns.Find("ACNE")?.Value);
        Assert.False(concerns.TryGet("redness", out SkinConcern? none));
        Assert.Null(none);
        Assert.Throws<IndexOutOfRangeException>(() => concerns[3]);
    }

    [Fact]
    public void The_raw_json_of_a_concern_is_exactly_its_object()
    {
        SkinConcern concern = Success("""{"concerns":[{"tech_name":"acne","custom":{"x":[1,2]}}]}""").Concerns[0];

        Assert.Equal("""{"tech_name":"acne","custom":{"x":[1,2]}}""", concern.Json.GetRawText());
    }
}
