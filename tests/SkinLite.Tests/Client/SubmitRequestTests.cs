using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>The exact request a submit sends on each route family.</summary>
public sealed class SubmitRequestTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    public static TheoryData<SkinLiteApi, string> SubmitUrls => new()
    {
        { SkinLiteApi.Private, "https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/generate" },
        { SkinLiteApi.Platform, "https://api.pixelbin.io/service/platform/misc/v1.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/generate" },
        { SkinLiteApi.Transformation, "https://api.pixelbin.io/service/platform/transformation/v1.0/predictions/skinAnalysisInt/generate" },
    };

    [Theory]
    [MemberData(nameof(SubmitUrls))]
    public async Task Submit_posts_to_the_family_generate_route_with_the_encoded_credential(SkinLiteApi api, string expectedUrl)
    {
        _service.RespondJson(SubmitAnswers.For(api), HttpStatusCode.Created);
        SkinLiteClient client = _service.CreateClient(api);

        await client.SubmitAsync(TestImages.Png(), "face.png");

        RecordedRequest request = _service.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(expectedUrl, request.Url);
        Assert.Equal("Bearer", request.Authorization?.Scheme);
        Assert.Equal("c2stbGl2ZS1BYjNkRWY5R2gxSms=", request.Authorization?.Parameter);
        Assert.Equal(FakeService.EncodedCredential, request.Authorization?.Parameter);
        Assert.Contains("application/json", request.Accept);
    }

    [Theory]
    [MemberData(nameof(SubmitUrls))]
    public async Task Submit_sends_one_input_image_file_part_with_quoted_name_and_filename(SkinLiteApi api, string expectedUrl)
    {
        _service.RespondJson(SubmitAnswers.For(api));
        byte[] image = TestImages.Png();

        await _service.CreateClient(api).SubmitAsync(image, "face.png");

        RecordedRequest request = _service.SingleRequest;
        Assert.Equal(expectedUrl, request.Url);
        MultipartPart part = Assert.Single(request.Parts());
        Assert.Equal("form-data; name=\"input.image\"; filename=\"face.png\"", part.Header("Content-Disposition"));
        Assert.Equal("image/png", part.Header("Content-Type"));
        Assert.Equal(image, part.Body);
    }

    [Fact]
    public async Task Submit_from_a_path_streams_the_file_and_declares_its_name()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        byte[] image = TestImages.Jpeg();
        using TempFolder folder = TestImages.WriteFile(image, "selfie 01.jpeg", out string path);

        await _service.CreateClient().SubmitAsync(path);

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal("form-data; name=\"input.image\"; filename=\"selfie 01.jpeg\"", part.Header("Content-Disposition"));
        Assert.Equal("image/jpeg", part.Header("Content-Type"));
        Assert.Equal(image, part.Body);
    }

    [Fact]
    public async Task A_5_MB_file_is_sent_byte_for_byte()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        byte[] image = TestImages.Jpeg(fillerBytes: 5 * 1024 * 1024 - 64);
        using TempFolder folder = TestImages.WriteFile(image, "large.jpg", out string path);

        await _service.CreateClient().SubmitAsync(path);

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal(image.Length, part.Body.Length);
        Assert.Equal(image, part.Body);
    }

    [Fact]
    public async Task Submit_from_a_seekable_stream_sends_the_bytes_from_its_position_and_leaves_it_open()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        byte[] image = TestImages.Png();
        byte[] junk = [1, 2, 3, 4, 5];
        using var stream = new MemoryStream([.. junk, .. image]) { Position = junk.Length };

        await _service.CreateClient().SubmitAsync(stream, "face.png");

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal("image/png", part.Header("Content-Type"));
        Assert.Equal(image, part.Body);
        Assert.True(stream.CanRead, "the caller's stream must be left open");
    }

    [Fact]
    public async Task Submit_from_a_stream_that_cannot_seek_still_sends_every_byte_once()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        byte[] image = TestImages.Jpeg();
        using var stream = new ForwardOnlyStream(image);

        await _service.CreateClient().SubmitAsync(stream, "face.jpg");

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal("image/jpeg", part.Header("Content-Type"));
        Assert.Equal(image, part.Body);
    }

    [Theory]
    [InlineData(true, "image/png", "image.png")]
    [InlineData(false, "image/jpeg", "image.jpg")]
    public async Task Without_a_file_name_the_name_follows_the_content(bool png, string contentType, string fileName)
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());

        await _service.CreateClient().SubmitAsync(png ? TestImages.Png() : TestImages.Jpeg());

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal($"form-data; name=\"input.image\"; filename=\"{fileName}\"", part.Header("Content-Disposition"));
        Assert.Equal(contentType, part.Header("Content-Type"));
    }

    [Theory]
    [InlineData(true, "photo.jpg", "image/png")]
    [InlineData(false, "photo.png", "image/jpeg")]
    public async Task The_content_type_comes_from_the_first_bytes_never_from_the_name(bool png, string fileName, string contentType)
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());

        await _service.CreateClient().SubmitAsync(png ? TestImages.Png() : TestImages.Jpeg(), fileName);

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal(contentType, part.Header("Content-Type"));
        Assert.Equal($"form-data; name=\"input.image\"; filename=\"{fileName}\"", part.Header("Content-Disposition"));
    }

    [Theory]
    [InlineData("my \"best\" face.png", "my _best_ face.png")]
    [InlineData("visage-é.png", "visage-_.png")]
    [InlineData("../../etc/face.png", "face.png")]
    public async Task A_file_name_that_would_break_the_quoted_header_is_made_safe(string given, string sent)
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());

        await _service.CreateClient().SubmitAsync(TestImages.Png(), given);

        MultipartPart part = Assert.Single(_service.SingleRequest.Parts());
        Assert.Equal($"form-data; name=\"input.image\"; filename=\"{sent}\"", part.Header("Content-Disposition"));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData((HttpStatusCode)299)]
    public async Task Any_2xx_answer_is_a_submitted_job(HttpStatusCode status)
    {
        _service.RespondJson(SubmitAnswers.SaPredictions(), status);

        SkinAnalysisJob job = await _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(SubmitAnswers.PredictionId, job.PredictionId);
    }

    [Fact]
    public async Task An_empty_image_is_refused_before_anything_is_sent()
    {
        SkinLiteClient client = _service.CreateClient();
        using var empty = new MemoryStream();
        using TempFolder folder = TestImages.WriteFile([], "empty.png", out string path);

        var fromBytes = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(ReadOnlyMemory<byte>.Empty, "face.png"));
        var fromStream = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(empty, "face.png"));
        var fromPath = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(path));

        Assert.All([fromBytes, fromStream, fromPath], e => Assert.Contains("empty", e.Message, StringComparison.Ordinal));
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_missing_file_or_a_directory_is_refused_before_anything_is_sent()
    {
        SkinLiteClient client = _service.CreateClient();
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "nope.png");

        var notFound = await Assert.ThrowsAsync<FileNotFoundException>(() => client.SubmitAsync(missing));
        var directory = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(folder.Path));

        Assert.Contains(missing, notFound.Message, StringComparison.Ordinal);
        Assert.Contains("directory", directory.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }
}
