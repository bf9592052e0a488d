using System.Net;

namespace SkinLite.Tests.Polling;

public sealed class DeadlineAndCancellationTests
{
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(30);

    private static PollingOptions Steady(TimeSpan deadline) => new() { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(5), BackoffFactor = 1, Deadline = deadline };

    [Fact]
    public async Task The_deadline_raises_a_timeout_carrying_the_job_and_the_last_status()
    {
        using var harness = new WaitingHarness(Steady(TimeSpan.FromSeconds(60)));
        harness.Handler.OnPoll(Replies.Pending("PREPARING"), Replies.Pending("PROCESSING"));
        SkinAnalysisJob job = WaitingHarness.ResumedJob();

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(job)));

        Assert.Same(job, error.Job);
        Assert.Equal(JobStatus.Processing, error.LastStatus);
        Assert.Equal(harness.Handler.Polls.Count, error.Polls);
        Assert.Null(error.InnerException);
        Assert.InRange(error.Elapsed, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61));
        Assert.Contains(Replies.PredictionId, error.Message, StringComparison.Ordinal);
        Assert.Contains("PROCESSING", error.Message, StringComparison.Ordinal);
        Assert.All(harness.Handler.Polls, p => Assert.True(p.At <= TimeSpan.FromSeconds(60), $"a poll at {p.At} is past the deadline"));
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task A_head_start_longer_than_the_deadline_still_polls_once_at_the_deadline()
    {
        var polling = Steady(TimeSpan.FromSeconds(10));
        polling.InitialDelay = TimeSpan.FromSeconds(30);
        using var harness = new WaitingHarness(polling);
        harness.Handler.OnPoll(Replies.Pending());

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob())));

        Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(harness.Handler.Polls).At);
        Assert.Equal(JobStatus.Processing, error.LastStatus);
    }

    [Fact]
    public async Task A_timeout_with_no_answered_poll_has_no_last_status()
    {
        using var harness = new WaitingHarness(Steady(TimeSpan.FromSeconds(20)));
        harness.Handler.OnPoll(Replies.ConnectionRefused());

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Assert.Null(error.LastStatus);
        Assert.IsType<SkinLiteTransportException>(error.InnerException);
        Assert.Contains("last status none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_poll_is_cut_at_the_deadline_not_after_the_full_request_timeout()
    {
        var polling = Steady(TimeSpan.FromSeconds(20));
        polling.RequestTimeout = TimeSpan.FromSeconds(30);
        using var harness = new WaitingHarness(polling);
        harness.Handler.OnPoll(Replies.Hang(harness.Clock));

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Assert.True(harness.Clock.Now <= TimeSpan.FromSeconds(20) + polling.MinDelay, $"the wait ended at {harness.Clock.Now}");
        var timeout = Assert.IsType<SkinLiteTransportException>(error.InnerException);
        Assert.True(timeout.IsTimeout);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task The_callers_token_ends_the_wait_with_OperationCanceledException()
    {
        using var harness = new WaitingHarness(Steady(TimeSpan.FromMinutes(10)));
        harness.Handler.OnPoll(Replies.Pending());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(22), harness.Clock);

        Task<AnalysisOutcome> wait = harness.Client.WaitAsync(WaitingHarness.ResumedJob(), cancellationToken: cancel.Token);
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.RunAsync(wait));

        Assert.IsNotType<SkinLiteWaitTimeoutException>(error);
        Assert.Equal(5, harness.Handler.Polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(22), harness.Clock.Now);
        cancel.Dispose();
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task Cancelling_during_a_hung_poll_is_a_cancellation_not_a_transport_timeout()
    {
        using var harness = new WaitingHarness(Steady(TimeSpan.FromMinutes(10)));
        var hung = new TaskCompletionSource();
        harness.Handler.OnPoll(Replies.Hang(harness.Clock, hung));
        using var cancel = new CancellationTokenSource();

        Task<AnalysisOutcome> wait = harness.Client.WaitAsync(WaitingHarness.ResumedJob(), cancellationToken: cancel.Token);
        Assert.Single(harness.Handler.Polls);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(QuietLimit));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.True(hung.Task.IsCompleted);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Succeeded());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.WaitAsync(WaitingHarness.ResumedJob(), cancellationToken: new CancellationToken(true)));

        Assert.Empty(harness.Handler.Seen);
    }

    [Fact]
    public async Task A_wait_far_longer_than_HttpClient_Timeout_runs_to_its_end()
    {
        // HttpClient.Timeout bounds one request, never the whole wait: 8 minutes of polls under a 100 s timeout end in a result.
        using var harness = new WaitingHarness(Steady(TimeSpan.FromMinutes(10)), httpTimeout: TimeSpan.FromSeconds(100));
        harness.Handler.OnPoll([.. Enumerable.Repeat(Replies.Pending(), 96), Replies.Succeeded()]);

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded);
        Assert.Equal(TimeSpan.FromMinutes(8), harness.Clock.Now);
    }

    [Fact]
    public async Task HttpClient_Timeout_ending_one_poll_is_retried_like_any_per_request_timeout()
    {
        var polling = Steady(TimeSpan.FromMinutes(10));
        polling.Interval = TimeSpan.FromSeconds(2);
        using var harness = new WaitingHarness(polling, httpTimeout: TimeSpan.FromMilliseconds(50));
        var hung = new TaskCompletionSource();
        harness.Handler.OnPoll(Replies.Hang(harness.Clock, hung), Replies.Succeeded());

        Task<AnalysisOutcome> wait = harness.Client.WaitAsync(WaitingHarness.ResumedJob());
        await hung.Task.WaitAsync(QuietLimit);
        // HttpClient's own timer ended the request; wait for the retry to be scheduled before driving the fake clock.
        Assert.True(SpinWait.SpinUntil(() => wait.IsCompleted || harness.Clock.NextDue == harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(2), QuietLimit));
        AnalysisOutcome outcome = await harness.Clock.RunAsync(wait);

        Assert.True(outcome.IsSucceeded);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], harness.Handler.Polls.Select(p => p.At));
    }
}
