using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Transport;

/// <summary>A single fetch outside a wait has a time limit too, covering the answer's body: a server cannot hold it forever.</summary>
public sealed class SingleFetchTimeoutTests
{
    [Fact]
    public async Task A_fetch_whose_answer_never_comes_ends_at_the_request_timeout()
    {
        using var harness = new WaitingHarness(new PollingOptions { RequestTimeout = TimeSpan.FromSeconds(12) });
        harness.Handler.OnPoll(Replies.Hang(harness.Clock));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Clock.RunAsync(harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId)));

        Assert.True(error.IsTimeout);
        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(12), harness.Clock.Now);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task A_fetch_whose_body_trickles_forever_ends_at_the_request_timeout()
    {
        using var harness = new WaitingHarness(new PollingOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
        harness.Handler.OnPoll((request, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new EndlessStream(harness.Clock)),
            RequestMessage = request,
        }));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Clock.RunAsync(harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId)));

        Assert.True(error.IsTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Clock.Now);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Hang(harness.Clock));
        using var cancel = new CancellationTokenSource();

        Task<AnalysisOutcome> fetch = harness.Client.GetOutcomeAsync(Replies.ScanId, Replies.PredictionId, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>A body that never ends and never completes a read until cancelled: the clock sees it as at rest.</summary>
    private sealed class EndlessStream(TestClock clock) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            clock.EnterHang();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
            finally
            {
                clock.ExitHang();
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
