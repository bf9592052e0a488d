using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>What a client needs to be made, where it sends, and that options are copied.</summary>
public sealed class ClientConstructionTests : IDisposable
{
    private readonly FakeService _service = new();

    public ClientConstructionTests() => _service.RespondJson("""{"status":"ACCEPTED"}""");

    public void Dispose() => _service.Dispose();

    [Fact]
    public void The_default_family_is_private()
    {
        Assert.Equal(SkinLiteApi.Private, new SkinLiteClientOptions().Api);
        Assert.Equal(SkinLiteClientOptions.DefaultMaxResponseBytes, new SkinLiteClientOptions().MaxResponseBytes);
        Assert.Equal(4L * 1024 * 1024, SkinLiteClientOptions.DefaultMaxResponseBytes);
        Assert.False(new SkinLiteClientOptions().SendCredentialAsIs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_credential_is_refused(string? credential)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.Credential = credential));

        Assert.Contains("Credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_with_a_line_break_is_refused_without_being_repeated()
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.Credential = "sk-secret-value\n"));

        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Platform)]
    public void The_sa_predictions_families_need_an_app_id(SkinLiteApi api)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(api, o => o.AppId = null));

        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
        Assert.Contains(api.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transformation_family_needs_no_app_id()
    {
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation, o => o.AppId = null);

        Assert.Equal(SkinLiteApi.Transformation, client.Api);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_response_cap_that_is_not_positive_is_refused(long cap)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.MaxResponseBytes = cap));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(cap.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_family_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient((SkinLiteApi)7));

        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:hunter2pw@api.example/service/private/misc/v2.0")]
    [InlineData("http://hunter2pw@127.0.0.1:5080/")]
    public void A_base_address_with_credentials_in_it_is_refused_without_repeating_them(string address)
    {
        var fromOptions = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.BaseAddress = new Uri(address)));
        _service.HttpClient.BaseAddress = new Uri(address);
        var fromHttpClient = Assert.Throws<ArgumentException>(() => _service.CreateClient());

        foreach (ArgumentException error in new[] { fromOptions, fromHttpClient })
        {
            Assert.Contains("carries credentials", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2pw", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Empty(_service.Requests);
    }

    [Theory]
    [InlineData("ftp://emulator.local/")]
    [InlineData("file:///tmp/skin")]
    public void A_base_address_that_is_not_http_is_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.BaseAddress = new Uri(address)));

        Assert.Contains(address, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/")]
    public async Task A_bare_host_override_replaces_the_public_host_and_keeps_the_family_path(string address)
    {
        SkinLiteClient client = _service.CreateClient(configure: o => o.BaseAddress = new Uri(address));

        await client.GetOutcomeAsync("s", "p");

        Assert.Equal("http://127.0.0.1:5080/service/private/misc/v2.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/s/p", _service.SingleRequest.Url);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_the_path()
    {
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation, o => o.BaseAddress = new Uri("https://proxy.example/skin/v1/"));

        await client.GetOutcomeAsync("p");

        Assert.Equal("https://proxy.example/skin/v1/predictions/p", _service.SingleRequest.Url);
    }

    [Fact]
    public async Task Without_an_override_the_http_clients_base_address_is_used()
    {
        _service.HttpClient.BaseAddress = new Uri("http://127.0.0.1:7070/emulator");
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation);

        await client.GetOutcomeAsync("p");

        Assert.Equal("http://127.0.0.1:7070/emulator/predictions/p", _service.SingleRequest.Url);
    }

    [Fact]
    public async Task Options_changed_after_the_client_was_made_do_not_apply()
    {
        var options = new SkinLiteClientOptions { AppId = "first", Credential = FakeService.Credential };
        var client = new SkinLiteClient(_service.HttpClient, options);

        options.AppId = "second";
        options.Credential = "another-credential";
        options.Api = SkinLiteApi.Transformation;
        await client.GetOutcomeAsync("s", "p");

        Assert.Equal(SkinLiteApi.Private, client.Api);
        Assert.Equal("https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/first/plugins/skinAnalysisInt/scans/s/p", _service.SingleRequest.Url);
        Assert.Equal(FakeService.EncodedCredential, _service.SingleRequest.Authorization?.Parameter);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new SkinLiteClient(null!, new SkinLiteClientOptions()));
        Assert.Throws<ArgumentNullException>(() => new SkinLiteClient(_service.HttpClient, null!));
    }
}
