using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>A 2xx body that is not JSON, truncated, or shaped wrongly is a protocol error, never a raw parser or null error.</summary>
public sealed class MalformedDocumentTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    public static TheoryData<string, string> BrokenResults => new()
    {
        { "", "empty" },
        { "   ", "not valid JSON" },
        { """{"status":"SUCCESS","output":{"skinData":{"total_skin_score":8""", "not valid JSON" },
        { """{"status":"SUCC""", "not valid JSON" },
        { """{"status":"SUCCESS",}""", "not valid JSON" },
        { "<html><body>Bad Gateway</body></html>", "not valid JSON" },
        { "null", "not a JSON object" },
        { "[]", "not a JSON object" },
        { "\"SUCCESS\"", "not a JSON object" },
        { "{}", "no status" },
        { """{"_id":"p","output":{}}""", "no status" },
        { """{"status":42}""", "Number" },
        { """{"status":null}""", "Null" },
        { """{"status":{"value":"SUCCESS"}}""", "StartObject" },
        { """{"status":"SUCCESS"}""", "no output" },
        { """{"status":"SUCCESS","output":null}""", "no output" },
        { """{"status":"SUCCESS","output":"done"}""", "no output" },
    };

    [Theory]
    [MemberData(nameof(BrokenResults))]
    public async Task A_broken_result_document_is_a_protocol_error_that_says_what_is_wrong(string body, string says)
    {
        _service.RespondJson(body);

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains("result document", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenResults))]
    public void Parse_refuses_the_same_documents_the_same_way(string body, string says)
    {
        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(body));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_document_keeps_an_excerpt_and_the_parser_error_as_cause()
    {
        const string truncated = """{"status":"SUCCESS","output":{"skinData":{"concerns":[{"tech_name":"acne",""";

        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(truncated));

        Assert.Equal(truncated, error.BodyExcerpt);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Contains("at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_excerpt_of_a_large_broken_body_is_at_most_4_KiB()
    {
        string body = "{\"status\":\"SUCCESS\",\"output\":{\"summary\":\"" + new string('x', 20_000);

        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(body));

        Assert.NotNull(error.BodyExcerpt);
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(error.BodyExcerpt));
        Assert.StartsWith("{\"status\":\"SUCCESS\"", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_a_protocol_error()
    {
        string body = """{"status":"SUCCESS","output":{"x":""" + new string('[', 100) + new string(']', 100) + "}}";

        Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(body));
    }

    [Fact]
    public void Invalid_utf8_is_a_protocol_error()
    {
        byte[] body = [.. """{"status":"SUCCESS","output":{"error":" """u8, 0xC3, 0x28, .. "\"}}"u8];

        Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(body));
    }

    [Fact]
    public void Invalid_utf8_in_an_unknown_status_is_a_protocol_error()
    {
        byte[] body = [.. "{\"status\":\"WAIT"u8, 0xC3, 0x28, .. "\"}"u8];

        var error = Assert.Throws<SkinLiteProtocolException>(() => AnalysisOutcome.Parse(body));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_submit_answer_is_a_protocol_error()
    {
        _service.RespondJson([.. "{\"scanId\":\"s\",\"_id\":\"p"u8, 0xC3, 0x28, .. "\"}"u8]);

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenSubmitAnswers => new()
    {
        { "", "empty" },
        { """{"_id":"p","status":"ACCEP""", "not valid JSON" },
        { "<html>Created</html>", "not valid JSON" },
        { "[]", "not a JSON object" },
        { "{}", "_id" },
        { """{"_id":"","scanId":"s"}""", "_id" },
        { """{"_id":null,"scanId":"s"}""", "_id" },
        { """{"_id":"p"}""", "scanId" },
        { """{"_id":"p","scanId":null}""", "scanId" },
    };

    [Theory]
    [MemberData(nameof(BrokenSubmitAnswers))]
    public async Task A_broken_submit_answer_is_a_protocol_error_that_says_what_is_wrong(string body, string says)
    {
        _service.RespondJson(body, System.Net.HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains("submit answer", error.Message, StringComparison.Ordinal);
    }
}
