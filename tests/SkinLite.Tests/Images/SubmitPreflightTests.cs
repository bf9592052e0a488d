using System.Net;
using RichardSzalay.MockHttp;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

/// <summary>Submit runs the preflight before anything goes out: a bad image costs no request (and no paid analysis).</summary>
public sealed class SubmitPreflightTests : IDisposable
{
    private const string Accepted = """{"_id":"pred-1","status":"ACCEPTED","scanId":"scan-1"}""";
    private readonly MockHttpMessageHandler _http = new();
    private readonly MockedRequest _submit;
    private readonly string _folder = Directory.CreateTempSubdirectory("skinlite-submit-").FullName;

    public SubmitPreflightTests() =>
        _submit = _http.When(HttpMethod.Post, "*").Respond(HttpStatusCode.Created, "application/json", Accepted);

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Bytes_that_fail_the_preflight_are_not_sent()
    {
        SkinLiteClient client = Client();

        var error = await Assert.ThrowsAsync<SkinLitePreflightException>(() => client.SubmitAsync(TestPng.Create(800, 600)));

        Assert.Equal(RejectionReason.ResolutionTooSmall, error.Reason);
        Assert.Equal(error.Result.Reason, error.Reason);
        Assert.StartsWith("The image is 800x600 pixels; the service needs at least 1024x1024. Nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _http.GetMatchCount(_submit));
    }

    [Fact]
    public async Task A_file_that_fails_the_preflight_is_not_sent()
    {
        string path = Path.Combine(_folder, "photo.jpg");
        await File.WriteAllBytesAsync(path, "GIF89a not a jpeg"u8.ToArray());

        var error = await Assert.ThrowsAsync<SkinLitePreflightException>(() => Client().SubmitAsync(path));

        Assert.Equal(RejectionReason.UnsupportedFormat, error.Reason);
        Assert.Equal(0, _http.GetMatchCount(_submit));
    }

    [Fact]
    public async Task A_stream_that_fails_the_preflight_is_not_sent()
    {
        using var stream = new MemoryStream(TestPng.Minimal(5000, 5000));

        var error = await Assert.ThrowsAsync<SkinLitePreflightException>(() => Client().SubmitAsync(stream, "x.png"));

        Assert.Equal(RejectionReason.ResolutionTooLarge, error.Reason);
        Assert.Equal(0, _http.GetMatchCount(_submit));
    }

    [Fact]
    public async Task SkipPreflight_sends_the_image_for_the_service_to_judge()
    {
        SkinLiteJob(await Client(skipPreflight: true).SubmitAsync(TestPng.Create(800, 600)));

        Assert.Equal(1, _http.GetMatchCount(_submit));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_checked_and_still_sent_whole()
    {
        byte[] image = TestJpeg.Create(1024, 1024, exifBytes: 30_000, trailer: new string('t', 50_000));
        byte[]? sent = null;
        using var http = new MockHttpMessageHandler();
        http.When(HttpMethod.Post, "*").With(request =>
        {
            var form = (MultipartFormDataContent)request.Content!;
            sent = form.Single().ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return true;
        }).Respond(HttpStatusCode.Created, "application/json", Accepted);
        using var stream = new ForwardOnlyStream(image);

        SkinLiteJob(await Client(http).SubmitAsync(stream, "face.jpg"));

        Assert.Equal(image, sent);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_and_fails_is_not_sent()
    {
        using var stream = new ForwardOnlyStream(TestJpeg.Create(600, 600));

        await Assert.ThrowsAsync<SkinLitePreflightException>(() => Client().SubmitAsync(stream));

        Assert.Equal(0, _http.GetMatchCount(_submit));
    }

    private static void SkinLiteJob(SkinAnalysisJob job) => Assert.Equal("pred-1", job.PredictionId);

    private SkinLiteClient Client(bool skipPreflight = false) => Client(_http, skipPreflight);

    private static SkinLiteClient Client(MockHttpMessageHandler http, bool skipPreflight = false) =>
        new(http.ToHttpClient(), new SkinLiteClientOptions
        {
            BaseAddress = new Uri("https://api.test/service/private/misc/v2.0"),
            AppId = "app",
            Credential = "test-key-1",
            SkipPreflight = skipPreflight,
        });
}
