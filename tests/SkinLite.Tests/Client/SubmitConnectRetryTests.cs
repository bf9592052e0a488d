using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Client;

/// <summary>
/// A submit is sent again only when the connection could not be made at all, with new content each time; any other
/// failure may already have started a paid analysis and is never retried.
/// </summary>
public sealed class SubmitConnectRetryTests : IDisposable
{
    private static readonly HttpRequestException Refused = new(HttpRequestError.ConnectionError, "Connection refused", new SocketException());
    private readonly FakeService _service = new();
    private readonly FakeTimeProvider _time = new();

    public SubmitConnectRetryTests() => _service.RespondJson(SubmitAnswers.SaPredictions());

    public void Dispose() => _service.Dispose();

    /// <summary>Moves the fake clock on until the retry has been sent; the clock only ever moves forward, so extra steps are harmless.</summary>
    private async Task<T> CompleteWithClock<T>(Task<T> task)
    {
        for (int step = 0; step < 2000 && !task.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        return await task;
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_the_same_bytes_each_time()
    {
        byte[] image = TestImages.Png();
        using TempFolder folder = TestImages.WriteFile(image, "face.png", out string path);
        _service.Fail(Refused, times: 2);

        SkinAnalysisJob job = await CompleteWithClock(_service.CreateClient(time: _time).SubmitAsync(path));

        Assert.Equal(SubmitAnswers.PredictionId, job.PredictionId);
        Assert.Equal(3, _service.Requests.Count);
        Assert.All(_service.Requests, r => Assert.Equal(image, Assert.Single(r.Parts()).Body));
    }

    [Fact]
    public async Task A_seekable_stream_is_rewound_for_each_attempt()
    {
        byte[] image = TestImages.Jpeg();
        using var stream = new MemoryStream(image);
        _service.Fail(Refused, times: 1);

        await CompleteWithClock(_service.CreateClient(time: _time).SubmitAsync(stream, "face.jpg"));

        Assert.Equal(2, _service.Requests.Count);
        Assert.All(_service.Requests, r => Assert.Equal(image, Assert.Single(r.Parts()).Body));
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_count()
    {
        _service.Fail(Refused);

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(
            () => CompleteWithClock(_service.CreateClient(configure: o => o.SubmitRetries = 3, time: _time).SubmitAsync(TestImages.Png(), "face.png")));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.Equal(4, _service.Requests.Count);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_never_sent_twice()
    {
        using var stream = new ForwardOnlyStream(TestImages.Png());
        _service.Fail(Refused);

        await Assert.ThrowsAsync<SkinLiteTransportException>(() => CompleteWithClock(_service.CreateClient(time: _time).SubmitAsync(stream, "face.png")));

        Assert.Single(_service.Requests);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_retry_count_out_of_range_is_refused(int retries)
    {
        var error = Assert.Throws<ArgumentException>(() => _service.CreateClient(configure: o => o.SubmitRetries = retries));

        Assert.Contains("SubmitRetries", error.Message, StringComparison.Ordinal);
        Assert.Contains(retries.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
