namespace SkinLite.Tests.Client;

/// <summary>
/// "Base URL" means one thing everywhere: a bare host gets the family's path, as the CLI's --base-url always did, so
/// the address the emulator prints works unchanged in the library, a host's configuration and the CLI.
/// </summary>
public sealed class BareHostBaseAddressTests
{
    public static TheoryData<SkinLiteApi, string, string> Addresses => new()
    {
        { SkinLiteApi.Private, "http://127.0.0.1:5080", "http://127.0.0.1:5080/service/private/misc/v2.0" },
        { SkinLiteApi.Private, "http://127.0.0.1:5080/", "http://127.0.0.1:5080/service/private/misc/v2.0" },
        { SkinLiteApi.Platform, "https://api.pixelbin.io", "https://api.pixelbin.io/service/platform/misc/v1.0" },
        { SkinLiteApi.Transformation, "https://proxy.example.test:8443/", "https://proxy.example.test:8443/service/platform/transformation/v1.0" },
        { SkinLiteApi.Private, "https://proxy.example.test/skin", "https://proxy.example.test/skin" },
        { SkinLiteApi.Private, "http://127.0.0.1:5080/service/private/misc/v2.0", "http://127.0.0.1:5080/service/private/misc/v2.0" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void A_bare_host_gets_the_family_path_and_an_address_with_a_path_is_kept(SkinLiteApi api, string given, string expected)
    {
        Assert.Equal(expected, api.ResolveBaseAddress(new Uri(given)).ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task A_client_on_a_bare_host_polls_under_the_family_path()
    {
        var handler = new ScriptedHandler();
        handler.OnPoll(Answers.JsonReply("""{"status":"PROCESSING"}"""));
        using var http = new HttpClient(handler);
        var client = new SkinLiteClient(http, new SkinLiteClientOptions { AppId = "app", Credential = "bare-host-test-key", BaseAddress = new Uri("http://127.0.0.1:5080") });

        await client.GetOutcomeAsync("scan-1", "prediction-1");

        Assert.Equal(
            "http://127.0.0.1:5080/service/private/misc/v2.0/sa-predictions/apps/app/plugins/skinAnalysisInt/scans/scan-1/prediction-1",
            Assert.Single(handler.Seen).Uri.ToString());
    }

    [Fact]
    public async Task A_bare_HttpClient_base_address_gets_the_family_path_too()
    {
        var handler = new ScriptedHandler();
        handler.OnPoll(Answers.JsonReply("""{"status":"PROCESSING"}"""));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://proxy.example.test/") };
        var client = new SkinLiteClient(http, new SkinLiteClientOptions { Api = SkinLiteApi.Transformation, Credential = "bare-host-test-key" });

        await client.GetOutcomeAsync("prediction-1");

        Assert.Equal("https://proxy.example.test/service/platform/transformation/v1.0/predictions/prediction-1", Assert.Single(handler.Seen).Uri.ToString());
    }
}
