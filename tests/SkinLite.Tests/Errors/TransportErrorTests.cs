using System.Net.Sockets;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Errors;

/// <summary>A request that got no answer is a transport error, told apart from a timeout and from the caller's cancellation.</summary>
public sealed class TransportErrorTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_with_its_kind()
    {
        _service.Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
        Assert.False(error.IsTimeout);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.StartsWith("GET https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7f3a/plugins/skinAnalysisInt/scans/s/p failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_times_out_is_a_transport_timeout_not_a_cancellation()
    {
        _service.Fail(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.True(error.IsTimeout);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_lost_while_reading_the_answer_is_a_transport_error()
    {
        _service.Respond(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) });

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => _service.CreateClient().GetOutcomeAsync("s", "p"));

        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task A_submit_that_could_not_connect_is_not_retried_when_retries_are_off()
    {
        _service.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException()));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(
            () => _service.CreateClient(configure: o => o.SubmitRetries = 0).SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.Single(_service.Requests);
    }

    [Fact]
    public async Task A_submit_whose_connection_dropped_after_sending_is_never_sent_again()
    {
        _service.Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        await Assert.ThrowsAsync<SkinLiteTransportException>(() => _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Single(_service.Requests);
    }

    /// <summary>A body whose connection breaks on the first read.</summary>
    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Connection reset by peer");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
