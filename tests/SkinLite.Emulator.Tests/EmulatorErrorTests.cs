using System.Net;
using System.Text.Json;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

public class EmulatorErrorTests
{
    [Fact]
    public async Task A_wrong_credential_gets_401_as_a_typed_error_without_the_key_in_it()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator, credential: "not-the-key");

        var error = await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => client.SubmitAsync(Emulated.Face()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("EMU-401", error.ErrorCode);
        Assert.DoesNotContain("not-the-key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_key_is_accepted_base64_encoded_and_as_given(bool sendAsIs)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Credential = "my emulator key" });

        SkinAnalysisJob job = await Emulated.Client(emulator, credential: "my emulator key", sendAsIs: sendAsIs).SubmitAsync(Emulated.Face());

        Assert.NotEmpty(job.PredictionId);
    }

    [Fact]
    public async Task No_bearer_at_all_gets_401_with_a_JSON_body()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());

        using HttpResponseMessage response = await http.GetAsync(SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task An_unknown_prediction_gets_404_as_a_typed_error(SkinLiteApi api)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        var job = new SkinAnalysisJob { Api = api, PredictionId = "skinAnalysisInt--generate--nope", ScanId = api.UsesScanId() ? "scan" : null, AppId = SkinAnalysisEmulator.DefaultAppId };

        var error = await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => Emulated.Client(emulator, api).GetOutcomeAsync(job));

        Assert.Equal("EMU-404", error.ErrorCode);
        Assert.Contains("Prediction not found", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_job_asked_for_under_another_scan_id_is_not_found()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => client.GetOutcomeAsync("another-scan", job.PredictionId));
    }

    [Fact]
    public async Task A_path_no_family_has_gets_404_and_a_wrong_method_405()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());

        using HttpResponseMessage unknown = await http.GetAsync("https://emulator.skinlite.invalid/service/private/misc/v2.0/elsewhere");
        using HttpResponseMessage wrongMethod = await http.GetAsync(SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/skinAnalysisInt/generate");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).Dispose();
    }

    [Fact]
    public async Task A_submit_without_the_image_field_gets_400()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Emulated.Face()), "image", "face.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/skinAnalysisInt/generate") { Content = form };
        request.Headers.Authorization = new("Bearer", SkinAnalysisEmulator.DefaultCredential);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("input.image", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_MaxRequestBytes_gets_413_before_it_is_judged()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, MaxRequestBytes = ImagePreflight.MaxFileBytes });

        var error = await Assert.ThrowsAsync<SkinLiteApiException>(() => Emulated.Client(emulator).SubmitAsync(new byte[ImagePreflight.MaxFileBytes + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Contains("5242880 bytes", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Equal(0, emulator.JobCount);
    }
}
