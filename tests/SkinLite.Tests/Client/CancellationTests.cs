using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>The caller's cancellation: a token cancelled before the call sends nothing, and it stays a cancellation, never a SkinLite error.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly FakeService _service = new();
    private readonly CancellationToken _cancelled = new(canceled: true);

    public CancellationTests() => _service.RespondJson(SubmitAnswers.SaPredictions());

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_pre_cancelled_submit_from_bytes_sends_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png", _cancelled));

        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_pre_cancelled_submit_from_a_stream_sends_nothing()
    {
        using var stream = new MemoryStream(TestImages.Png());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _service.CreateClient().SubmitAsync(stream, "face.png", _cancelled));

        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_pre_cancelled_submit_from_a_path_sends_nothing()
    {
        using TempFolder folder = TestImages.WriteFile(TestImages.Png(), "face.png", out string path);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _service.CreateClient().SubmitAsync(path, _cancelled));

        Assert.Empty(_service.Requests);
    }

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task A_pre_cancelled_fetch_sends_nothing(SkinLiteApi api)
    {
        SkinLiteClient client = _service.CreateClient(api);
        var job = new SkinAnalysisJob { Api = api, ScanId = api == SkinLiteApi.Transformation ? null : "s", PredictionId = "p" };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetOutcomeAsync(job, _cancelled));

        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Cancelling_while_the_answer_is_awaited_is_an_operation_cancelled_not_a_timeout()
    {
        using var cts = new CancellationTokenSource();
        _service.Respond(request =>
        {
            cts.Cancel();
            return FakeService.Json(HttpStatusCode.OK, """{"status":"PROCESSING"}""");
        });

        Exception error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _service.CreateClient().GetOutcomeAsync("s", "p", cts.Token));

        Assert.IsNotType<SkinLiteTransportException>(error);
    }
}
