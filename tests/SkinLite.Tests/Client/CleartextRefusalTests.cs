namespace SkinLite.Tests.Client;

/// <summary>
/// Plain http carries the key readable by anyone on the path: refused for every host but loopback unless opted into.
/// The refusals are checked on <c>.invalid</c> names, which no resolver answers, and nothing is sent anywhere.
/// </summary>
public sealed class CleartextRefusalTests
{
    private static SkinLiteClientOptions Options(string baseAddress, bool allowInsecureHttp = false) => new()
    {
        AppId = "app",
        Credential = "sk-cleartext-test-key",
        BaseAddress = new Uri(baseAddress),
        AllowInsecureHttp = allowInsecureHttp,
    };

    [Theory]
    [InlineData("http://skinlite-test.invalid/")]
    [InlineData("http://10.0.0.7:8080/emulator")]
    [InlineData("http://[2001:db8::1]/")]
    public void Plain_http_to_another_host_is_refused_before_anything_is_sent(string baseAddress)
    {
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);

        var error = Assert.Throws<ArgumentException>(() => new SkinLiteClient(http, Options(baseAddress)));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureHttp", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public void Plain_http_given_as_the_HttpClient_base_address_is_refused_too()
    {
        using var http = new HttpClient(new ScriptedHandler()) { BaseAddress = new Uri("http://skinlite-test.invalid/service/private/misc/v2.0/") };
        var options = new SkinLiteClientOptions { AppId = "app", Credential = "sk-cleartext-test-key" };

        var error = Assert.Throws<ArgumentException>(() => new SkinLiteClient(http, options));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://[::1]:5080/")]
    [InlineData("https://skinlite-test.invalid/")]
    public void Loopback_and_https_are_allowed(string baseAddress)
    {
        using var http = new HttpClient(new ScriptedHandler());

        _ = new SkinLiteClient(http, Options(baseAddress));
    }

    [Fact]
    public async Task The_explicit_opt_in_allows_plain_http_and_the_request_goes_where_it_was_told()
    {
        var handler = new ScriptedHandler();
        handler.OnPoll(Answers.JsonReply("""{"status":"PROCESSING"}"""));
        using var http = new HttpClient(handler);
        var client = new SkinLiteClient(http, Options("http://skinlite-test.invalid/", allowInsecureHttp: true));

        AnalysisOutcome outcome = await client.GetOutcomeAsync("scan-1", "prediction-1");

        Assert.True(outcome.IsPending);
        Assert.Equal("http", Assert.Single(handler.Seen).Uri.Scheme);
    }

    [Fact]
    public void Validate_reports_the_refusal_for_options_validation_in_a_host()
    {
        var error = Assert.Throws<ArgumentException>(() => Options("http://skinlite-test.invalid/").Validate());

        Assert.Equal(nameof(SkinLiteClientOptions.BaseAddress), error.ParamName);
        Options("http://skinlite-test.invalid/", allowInsecureHttp: true).Validate();
    }
}
