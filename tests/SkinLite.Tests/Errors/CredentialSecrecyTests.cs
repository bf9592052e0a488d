using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>The credential, plain or encoded, never shows in ToString(), exception messages or excerpts, even when the server echoes it.</summary>
public sealed class CredentialSecrecyTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    public static TheoryData<bool> Encodings => new() { false, true };

    private static void AssertSecret(string? text)
    {
        if (text is null)
        {
            return;
        }
        Assert.DoesNotContain(FakeService.Credential, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeService.EncodedCredential, text, StringComparison.Ordinal);
    }

    private static void AssertSecret(Exception error)
    {
        AssertSecret(error.Message);
        AssertSecret(error.ToString());
        if (error is SkinLiteApiException api)
        {
            AssertSecret(api.BodyExcerpt);
            AssertSecret(api.ServiceMessage);
            AssertSecret(api.ErrorCode);
            AssertSecret(api.Details.ToString());
        }
        if (error is SkinLiteProtocolException protocol)
        {
            AssertSecret(protocol.BodyExcerpt);
        }
    }

    [Fact]
    public void The_options_describe_themselves_with_the_credential_masked()
    {
        var options = new SkinLiteClientOptions { AppId = "a", Credential = FakeService.Credential };

        string text = options.ToString();

        AssertSecret(text);
        Assert.Contains("Credential = ***", text, StringComparison.Ordinal);
        Assert.Contains("Credential = (none)", new SkinLiteClientOptions().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_describes_itself_without_the_credential()
    {
        AssertSecret(_service.CreateClient().ToString());
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task An_error_body_echoing_the_credential_is_redacted_everywhere(bool sendAsIs)
    {
        string echoed = $$"""{"message":"Invalid token {{FakeService.Credential}} / {{FakeService.EncodedCredential}}","errorCode":"AUTH-1","token":"Bearer {{FakeService.EncodedCredential}}"}""";
        _service.RespondJson(echoed, HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => _service.CreateClient(configure: o => o.SendCredentialAsIs = sendAsIs).GetOutcomeAsync("s", "p"));

        AssertSecret(error);
        Assert.Equal("Invalid token *** / ***", error.ServiceMessage);
        Assert.Contains("Invalid token ***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_error_page_echoing_the_header_is_redacted()
    {
        _service.Respond(request => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent($"<html><pre>Authorization: {request.Headers.Authorization}</pre></html>"),
        });

        var error = await Assert.ThrowsAsync<SkinLiteApiException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        AssertSecret(error);
        Assert.Contains("Authorization: Bearer ***", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_success_body_echoing_the_credential_is_redacted()
    {
        _service.RespondJson($$"""{"status":"SUCCESS","debug":"{{FakeService.EncodedCredential}}","output":{""");

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        AssertSecret(error);
        Assert.Contains("\"debug\":\"***\"", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_answer_of_the_wrong_shape_echoing_the_credential_is_redacted()
    {
        _service.RespondJson($$"""{"status":"ACCEPTED","auth":"{{FakeService.Credential}}"}""", HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        AssertSecret(error);
    }

    [Fact]
    public async Task A_transport_error_mentioning_the_credential_is_redacted()
    {
        _service.Fail(new HttpRequestException(HttpRequestError.ConnectionError, $"proxy refused Bearer {FakeService.EncodedCredential}"));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => _service.CreateClient(configure: o => o.SubmitRetries = 0).GetOutcomeAsync("s", "p"));

        AssertSecret(error.Message);
        Assert.Contains("proxy refused Bearer ***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Construction_errors_do_not_repeat_the_credential()
    {
        var missingApp = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.AppId = null));
        var badCap = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.MaxResponseBytes = 0));

        AssertSecret(missingApp);
        AssertSecret(badCap);
    }
}
