using System.Text;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Documents a hostile or broken service sent during the attack of issue 11: each is either an outcome that says what
/// it is or a SkinLite exception, never a success it is not and never an exception of another family.
/// </summary>
public sealed class HostileDocumentTests
{
    public static TheoryData<string> LoneSurrogates() => new()
    {
        """{"status":"\ud800"}""",
        """{"status":"SUCCESS","error":"\udc00"}""",
        """{"status":"FAILURE","error":"bad \ud800 text"}""",
        """{"status":"SUCCESS","output":{"error":"\ud800","status_code":422}}""",
        """{"status":"SUCCESS","output":{"skinData":{"skin_type":"\udc00"}}}""",
        """{"status":"SUCCESS","output":{"skinData":{"summary":"long text \ud800 kept lazily"}}}""",
        """{"status":"SUCCESS","output":{"skinData":{"concerns":[{"name":"\ud800","tech_name":"acne"}]}}}""",
        """{"\ud800":1,"status":"PROCESSING"}""",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void A_lone_surrogate_escape_anywhere_is_a_protocol_error(string json)
    {
        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(json));

        Assert.Contains("result document", error.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_lone_surrogate_in_a_submit_answer_is_a_protocol_error()
    {
        byte[] answer = Encoding.UTF8.GetBytes("""{"_id":"\ud800","scanId":"s"}""");

        Assert.Throws<SkinLiteProtocolException>(() => SubmitAnswerReader.Read(answer, SkinLiteApi.Private, "app"));
    }

    [Fact]
    public void A_lone_surrogate_in_an_error_body_leaves_the_error_without_the_service_text()
    {
        (string? code, string? message) = ErrorBodyReader.Read(Encoding.UTF8.GetBytes("""{"message":"\ud800","errorCode":"JR-1"}"""));

        Assert.Null(message);
        Assert.Null(code);
    }

    [Fact]
    public void A_saved_handle_with_a_lone_surrogate_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => SkinAnalysisJob.FromJson("""{"api":0,"predictionId":"p","status":"\ud800"}"""));
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","output":{"status_code":422}}""", 422)]
    [InlineData("""{"status":"SUCCESS","status_code":422,"output":{}}""", 422)]
    [InlineData("""{"status":"SUCCESS","status_code":422}""", 422)]
    [InlineData("""{"status":"SUCCESS","output":{"status_code":400,"skinData":{"total_skin_score":60}}}""", 400)]
    public void A_4xx_status_code_is_a_rejection_whatever_else_is_missing(string json, int statusCode)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(json);

        Assert.True(outcome.IsRejected, outcome.ToString());
        Assert.Equal(RejectionReason.Unknown, outcome.RejectionReason);
        Assert.Null(outcome.Message);
        Assert.Equal(statusCode, outcome.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","error":"No face detected","output":{}}""")]
    [InlineData("""{"status":"SUCCESS","error":"No face detected","output":{"skinData":{"total_skin_score":60}}}""")]
    public void A_top_level_error_on_a_success_is_a_rejection(string json)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(json);

        Assert.True(outcome.IsRejected, outcome.ToString());
        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
    }

    [Fact]
    public void A_5xx_status_code_on_a_success_is_a_failure()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"status_code":500}}""");

        Assert.True(outcome.IsFailed, outcome.ToString());
        Assert.Equal(500, outcome.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","output":{}}""")]
    [InlineData("""{"status":"SUCCESS","output":{"status_code":200}}""")]
    [InlineData("""{"status":"SUCCESS","output":{"skinData":null}}""")]
    [InlineData("""{"status":"SUCCESS","output":{"skinData":[]}}""")]
    [InlineData("""{"status":"SUCCESS"}""")]
    public void A_success_with_neither_analysis_nor_error_is_not_a_result_and_not_worth_asking_again(string json)
    {
        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(json));

        Assert.Contains("SUCCESS", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void A_byte_order_mark_before_the_document_is_accepted()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. """{"status":"SUCCESS","output":{"skinData":{"total_skin_score":61}}}"""u8];

        Assert.Equal(61, AnalysisOutcome.Parse(json).Result.TotalSkinScore);
        Assert.Equal("p", SubmitAnswerReader.Read([0xEF, 0xBB, 0xBF, .. """{"_id":"p","scanId":"s"}"""u8], SkinLiteApi.Private, "app").PredictionId);
        Assert.Equal(("JR-1", "Usage Limit Exceeded"), ErrorBodyReader.Read([0xEF, 0xBB, 0xBF, .. """{"message":"Usage Limit Exceeded","errorCode":"JR-1"}"""u8]));
    }

    [Fact]
    public void A_byte_order_mark_alone_is_still_malformed()
    {
        Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse([0xEF, 0xBB, 0xBF]));
    }

    [Fact]
    public void Invalid_UTF8_in_a_part_the_reader_skips_reads_as_replacement_characters_from_the_raw_output()
    {
        byte[] document = [.. "{\"status\":\"SUCCESS\",\"output\":{\"skinData\":{\"total_skin_score\":70,\"sev"u8, 0xE5, .. "rity\":\"x"u8, 0xFF, .. "y\"}}}"u8];

        AnalysisOutcome outcome = AnalysisOutcome.Parse(document);

        Assert.True(outcome.IsSucceeded, outcome.ToString());
        Assert.Equal(70, outcome.Result.TotalSkinScore);
        string raw = outcome.Result.OutputJson.GetRawText();
        Assert.Contains("\uFFFD", raw, StringComparison.Ordinal);
        Assert.Contains("x\uFFFDy", raw, StringComparison.Ordinal);
    }
}
