using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>The exact request a result fetch sends: the family's route with every id escaped as one path segment.</summary>
public sealed class ResultRequestTests : IDisposable
{
    private const string Pending = """{"status":"PROCESSING"}""";
    private readonly FakeService _service = new();

    public ResultRequestTests() => _service.RespondJson(Pending);

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData(SkinLiteApi.Private, "https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/scan-1/pred-1")]
    [InlineData(SkinLiteApi.Platform, "https://api.pixelbin.io/service/platform/misc/v1.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/scan-1/pred-1")]
    public async Task Sa_predictions_families_get_the_scan_and_prediction_route(SkinLiteApi api, string expectedUrl)
    {
        await _service.CreateClient(api).GetOutcomeAsync("scan-1", "pred-1");

        RecordedRequest request = _service.SingleRequest;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(expectedUrl, request.Url);
        Assert.Equal("Bearer " + FakeService.EncodedCredential, request.Authorization?.ToString());
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Transformation_family_gets_the_prediction_route()
    {
        await _service.CreateClient(SkinLiteApi.Transformation).GetOutcomeAsync("skinAnalysisInt--generate--019b0339");

        RecordedRequest request = _service.SingleRequest;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.pixelbin.io/service/platform/transformation/v1.0/predictions/skinAnalysisInt--generate--019b0339", request.Url);
        Assert.Equal("Bearer " + FakeService.EncodedCredential, request.Authorization?.ToString());
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("a+b&c=d", "a%2Bb%26c%3Dd")]
    [InlineData("ümlaut", "%C3%BCmlaut")]
    [InlineData("...", "...")]
    [InlineData("a..b", "a..b")]
    [InlineData("100%", "100%25")]
    [InlineData("a%zz", "a%25zz")]
    public async Task Ids_are_escaped_as_single_path_segments(string id, string escaped)
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Private, AppId = id, ScanId = id, PredictionId = id };

        await _service.CreateClient().GetOutcomeAsync(job);

        Assert.Equal(
            $"https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/{escaped}/plugins/skinAnalysisInt/scans/{escaped}/{escaped}",
            _service.SingleRequest.Url);
    }

    [Fact]
    public async Task The_app_id_of_the_options_is_escaped_in_both_routes()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        SkinLiteClient client = _service.CreateClient(configure: o => o.AppId = "my app");

        SkinAnalysisJob job = await client.SubmitAsync(TestImages.Png(), "face.png");
        await client.GetOutcomeAsync(job);

        Assert.Equal("https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/my%20app/plugins/skinAnalysisInt/generate", _service.Requests[0].Url);
        Assert.Equal($"https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/my%20app/plugins/skinAnalysisInt/scans/{SubmitAnswers.ScanId}/{SubmitAnswers.PredictionId}", _service.Requests[1].Url);
    }

    [Fact]
    public async Task A_job_without_an_app_id_uses_the_clients_and_one_with_an_app_id_uses_its_own()
    {
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Platform);

        await client.GetOutcomeAsync(new SkinAnalysisJob { Api = SkinLiteApi.Platform, ScanId = "s", PredictionId = "p" });
        await client.GetOutcomeAsync(new SkinAnalysisJob { Api = SkinLiteApi.Platform, AppId = "other-app", ScanId = "s", PredictionId = "p" });

        Assert.Equal("https://api.pixelbin.io/service/platform/misc/v1.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/s/p", _service.Requests[0].Url);
        Assert.Equal("https://api.pixelbin.io/service/platform/misc/v1.0/sa-predictions/apps/other-app/plugins/skinAnalysisInt/scans/s/p", _service.Requests[1].Url);
    }

    [Fact]
    public async Task The_credential_can_be_sent_exactly_as_given()
    {
        SkinLiteClient client = _service.CreateClient(configure: o => o.SendCredentialAsIs = true);

        await client.GetOutcomeAsync("scan-1", "pred-1");

        Assert.Equal("Bearer", _service.SingleRequest.Authorization?.Scheme);
        Assert.Equal(FakeService.Credential, _service.SingleRequest.Authorization?.Parameter);
    }

    [Fact]
    public async Task The_credential_sent_as_given_is_used_on_submit_too()
    {
        _service.RespondJson(SubmitAnswers.Transformation());
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation, o => o.SendCredentialAsIs = true);

        await client.SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal("Bearer " + FakeService.Credential, _service.SingleRequest.Authorization?.ToString());
    }

    [Fact]
    public async Task Asking_with_the_wrong_id_shape_for_the_family_is_refused_before_sending()
    {
        SkinLiteClient saPredictions = _service.CreateClient(SkinLiteApi.Private);
        SkinLiteClient transformation = _service.CreateClient(SkinLiteApi.Transformation);

        var needsScan = await Assert.ThrowsAsync<ArgumentException>(() => saPredictions.GetOutcomeAsync("pred-1"));
        var hasNoScan = await Assert.ThrowsAsync<ArgumentException>(() => transformation.GetOutcomeAsync("scan-1", "pred-1"));

        Assert.Contains("scan id", needsScan.Message, StringComparison.Ordinal);
        Assert.Contains("no scan id", hasNoScan.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_job_of_another_family_is_refused_before_sending()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "pred-1" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient(SkinLiteApi.Private).GetOutcomeAsync(job));

        Assert.Equal("job", error.ParamName);
        Assert.Contains("Transformation", error.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_handle_polled_again_or_by_another_client_or_copied_with_another_id_goes_to_the_right_address()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Platform, ScanId = "s", PredictionId = "p" };
        SkinLiteClient first = _service.CreateClient(SkinLiteApi.Platform);
        SkinLiteClient elsewhere = _service.CreateClient(SkinLiteApi.Platform, o => { o.BaseAddress = new Uri("http://127.0.0.1:5099/v1"); o.AppId = "app-2"; });

        await first.GetOutcomeAsync(job);
        await first.GetOutcomeAsync(job);
        await elsewhere.GetOutcomeAsync(job);
        await first.GetOutcomeAsync(job with { PredictionId = "p 2" });

        const string Platform = "https://api.pixelbin.io/service/platform/misc/v1.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/s/";
        Assert.Equal(
            [Platform + "p", Platform + "p", "http://127.0.0.1:5099/v1/sa-predictions/apps/app-2/plugins/skinAnalysisInt/scans/s/p", Platform + "p%202"],
            _service.Requests.Select(r => r.Url));
    }

    [Fact]
    public async Task An_unsafe_handle_is_refused_on_every_poll_not_only_the_first()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Private, ScanId = "../admin", PredictionId = "p" };
        SkinLiteClient client = _service.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetOutcomeAsync(job));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetOutcomeAsync(job));

        Assert.Empty(_service.Requests);
    }
}
