using System.Net;
using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>Non-2xx answers become the typed exception for their status, with what the body and headers said.</summary>
public sealed class ApiErrorTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    public static TheoryData<int, Type> StatusTypes => new()
    {
        { 400, typeof(SkinLiteApiException) },
        { 401, typeof(SkinLiteAuthenticationException) },
        { 403, typeof(SkinLiteAuthenticationException) },
        { 404, typeof(SkinLiteNotFoundException) },
        { 409, typeof(SkinLiteApiException) },
        { 413, typeof(SkinLiteApiException) },
        { 422, typeof(SkinLiteApiException) },
        { 429, typeof(SkinLiteRateLimitException) },
        { 500, typeof(SkinLiteServerException) },
        { 502, typeof(SkinLiteServerException) },
        { 503, typeof(SkinLiteServerException) },
        { 504, typeof(SkinLiteServerException) },
        { 599, typeof(SkinLiteServerException) },
        { 302, typeof(SkinLiteApiException) },
    };

    [Theory]
    [MemberData(nameof(StatusTypes))]
    public async Task Each_status_has_its_exception_type_on_a_fetch(int status, Type type)
    {
        _service.RespondJson("""{"message":"nope"}""", (HttpStatusCode)status);

        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.IsType(type, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("nope", error.ServiceMessage);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<SkinLiteException>(error);
    }

    [Theory]
    [MemberData(nameof(StatusTypes))]
    public async Task Each_status_has_its_exception_type_on_a_submit(int status, Type type)
    {
        _service.RespondJson("", (HttpStatusCode)status);

        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => _service.CreateClient(configure: o => o.SubmitRetries = 0).SubmitAsync(TestImages.Png(), "face.png"));

        Assert.IsType(type, error);
        Assert.Single(_service.Requests);
        // Only a 4xx proves the service created nothing; a redirect or a 5xx (no Retry-After here) may follow a job it started.
        Assert.Equal(status is < 400 or >= 500, error.JobMayExist);
    }

    [Fact]
    public async Task The_documented_403_is_the_usage_limit_with_its_error_code_and_message()
    {
        _service.RespondJson(OwnFixtures.Read("error-403-usage-limit.json"), HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<SkinLiteUsageLimitException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("JR-1000", error.ErrorCode);
        Assert.Equal("Usage Limit Exceeded", error.ServiceMessage);
        Assert.Contains("Usage Limit Exceeded [JR-1000]", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/generate", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsageBlockedError", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.Same(error.Details.ErrorCode, error.ErrorCode);
    }

    [Theory]
    [InlineData("""{"message":"Usage Limit Exceeded"}""", typeof(SkinLiteUsageLimitException))]
    [InlineData("""{"message":"usage limit exceeded","status":403}""", typeof(SkinLiteUsageLimitException))]
    [InlineData("""{"message":"Usage Limit Exceeded","errorCode":"JR-2000"}""", typeof(SkinLiteAuthenticationException))]
    [InlineData("""{"message":"Forbidden"}""", typeof(SkinLiteAuthenticationException))]
    [InlineData("", typeof(SkinLiteAuthenticationException))]
    public async Task Only_the_usage_limit_403_is_told_apart_from_an_access_refusal(string body, Type expected)
    {
        _service.RespondJson(System.Text.Encoding.UTF8.GetBytes(body), HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.IsType(expected, error);
        Assert.False(error.JobMayExist);
    }

    [Theory]
    [InlineData("""{"code":"E42","error":"bad scan"}""", "E42", "bad scan")]
    [InlineData("""{"error_code":"E43","message":"gone"}""", "E43", "gone")]
    [InlineData("""{"errorCode":404,"message":"missing"}""", "404", "missing")]
    [InlineData("""{"message":{"text":"nested"}}""", null, """{"text":"nested"}""")]
    [InlineData("""{"detail":"only detail"}""", null, null)]
    [InlineData("""["not","an","object"]""", null, null)]
    [InlineData("""{"message":"cut off""", null, null)]
    public async Task The_error_code_and_message_are_read_from_the_usual_json_names(string body, string? code, string? message)
    {
        _service.RespondJson(body, HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<SkinLiteApiException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal(body, error.BodyExcerpt);
    }

    [Fact]
    public async Task An_html_error_page_is_a_server_error_with_the_page_as_excerpt()
    {
        string html = Encoding.UTF8.GetString(OwnFixtures.Read("error-502.html"));
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(html, Encoding.UTF8, "text/html") });

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Null(error.ErrorCode);
        Assert.Null(error.ServiceMessage);
        Assert.Equal(html, error.BodyExcerpt);
        Assert.Contains("HTTP 502 (Bad Gateway)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(SkinLiteAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(SkinLiteNotFoundException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(SkinLiteServerException))]
    public async Task An_empty_error_body_has_no_excerpt_code_or_message(HttpStatusCode status, Type type)
    {
        _service.Respond(_ => new HttpResponseMessage(status));

        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.IsType(type, error);
        Assert.Null(error.BodyExcerpt);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.ServiceMessage);
        Assert.EndsWith(")." + (status == HttpStatusCode.Unauthorized ? " Check the access key (it is sent base64-encoded unless SendCredentialAsIs is set)." : ""), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_hints_at_the_credential_encoding()
    {
        _service.RespondJson("""{"message":"Unauthorized"}""", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Contains("SendCredentialAsIs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excerpt_of_a_large_error_body_is_at_most_4_KiB()
    {
        string body = "{\"message\":\"" + new string('m', 10_000) + "\"}";
        _service.RespondJson(body, HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(body[..4096], error.BodyExcerpt);
        Assert.Equal(10_000, error.ServiceMessage?.Length);
    }

    [Fact]
    public async Task A_10_MiB_error_body_is_still_the_typed_error_and_is_not_read_whole()
    {
        var body = new CountingStream(10 * 1024 * 1024, (byte)'x');
        _service.Respond(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(body) });

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(new string('x', 4096), error.BodyExcerpt);
        Assert.True(body.BytesRead <= 128 * 1024, $"read {body.BytesRead} bytes of an error body");
    }

    [Fact]
    public async Task Invalid_utf8_in_an_error_body_is_still_the_typed_error()
    {
        _service.RespondJson([.. "{\"message\":\"bad "u8, 0xC3, 0x28, .. "\"}"u8], HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Null(error.ServiceMessage);
        Assert.NotNull(error.BodyExcerpt);
    }

    [Theory]
    [InlineData("x-request-id")]
    [InlineData("request-id")]
    [InlineData("x-correlation-id")]
    public async Task The_request_id_header_is_kept(string header)
    {
        _service.Respond(_ =>
        {
            var response = FakeService.Json(HttpStatusCode.NotFound, """{"message":"Prediction not found"}""");
            response.Headers.TryAddWithoutValidation(header, "req-5c1d");
            return response;
        });

        var error = await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal("req-5c1d", error.RequestId);
        Assert.Equal("Prediction not found", error.ServiceMessage);
    }

    [Fact]
    public async Task Without_a_request_id_header_it_is_null()
    {
        _service.RespondJson("{}", HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Null(error.RequestId);
    }
}
