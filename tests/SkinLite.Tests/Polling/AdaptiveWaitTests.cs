using System.Net;

namespace SkinLite.Tests.Polling;

/// <summary>Waits on the test clock with learned processing times: who follows the plan, who teaches it, and the limits.</summary>
public sealed class AdaptiveWaitTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static WaitingHarness Warm(double seconds, PollingOptions? polling = null)
    {
        var harness = new WaitingHarness(polling);
        harness.Client.ProcessingTimes.Seed(AdaptiveScheduleTests.Around(seconds));
        return harness;
    }

    /// <summary>A job this client submits now (the fake service answers at once): the only kind a wait learns from.</summary>
    private static Task<SkinAnalysisJob> Submit(WaitingHarness harness)
    {
        harness.Handler.OnSubmit(Replies.Accepted());
        return harness.Clock.RunAsync(harness.Client.SubmitAsync(TestPng.Create(), "face.png"));
    }

    [Fact]
    public async Task A_fresh_job_on_a_warm_client_is_first_polled_near_the_learned_end_and_teaches_its_interval()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Succeeded());
        int known = harness.Client.ProcessingTimes.Count;
        SkinAnalysisJob job = await Submit(harness);

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.True(outcome.IsSucceeded);
        TimeSpan first = harness.Handler.Polls[0].At;
        Assert.InRange(first, S(2.5), new PollingOptions().MaxInterval);
        Assert.Equal(known + 1, harness.Client.ProcessingTimes.Count);
        ProcessingTimeInterval taught = harness.Client.ProcessingTimes.Export()[^1];
        Assert.Equal(harness.Handler.Polls[^2].At, taught.Lower);
        Assert.Equal(harness.Handler.Polls[^1].At, taught.Upper);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task A_cold_client_polls_as_the_plain_backoff_does_and_learns()
    {
        using var harness = new WaitingHarness(new PollingOptions { InitialDelay = S(2), Jitter = PollingJitter.None, Interval = S(1), BackoffFactor = 2, MaxInterval = S(4) });
        harness.Handler.OnPoll(Replies.Pending(), Replies.Pending(), Replies.Succeeded());
        SkinAnalysisJob job = await Submit(harness);

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.Equal(new[] { 2, 3, 5 }.Select(s => S(s)), harness.Handler.Polls.Select(p => p.At));
        Assert.Equal(new ProcessingTimeInterval(S(3), S(5)), Assert.Single(harness.Client.ProcessingTimes.Export()));
        Assert.Null(harness.Client.ProcessingTimes.Median);
    }

    [Fact]
    public async Task A_wait_started_late_counts_the_jobs_age_from_the_submits_answer()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Succeeded());
        SkinAnalysisJob job = await Submit(harness);
        harness.Clock.Fake.Advance(S(4));

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        // The learned interval is the job's age at those polls, not the time since the wait began.
        ProcessingTimeInterval taught = harness.Client.ProcessingTimes.Export()[^1];
        Assert.Equal(harness.Handler.Polls[^1].At, taught.Upper);
        Assert.True(harness.Handler.Polls[0].At >= S(4));
    }

    [Fact]
    public async Task An_accepted_handle_this_client_did_not_submit_uses_the_plain_schedule_and_teaches_nothing()
    {
        using WaitingHarness harness = Warm(9, new PollingOptions { InitialDelay = S(2), Jitter = PollingJitter.None, Interval = S(1), BackoffFactor = 1 });
        harness.Handler.OnPoll(Replies.Pending(), Replies.Succeeded());
        int known = harness.Client.ProcessingTimes.Count;

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob()));

        Assert.Equal([S(2), S(3)], harness.Handler.Polls.Select(p => p.At));
        Assert.Equal(known, harness.Client.ProcessingTimes.Count);
    }

    [Fact]
    public async Task Waiting_again_on_a_job_already_learned_does_not_count_it_twice()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Succeeded());
        SkinAnalysisJob job = await Submit(harness);
        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));
        int known = harness.Client.ProcessingTimes.Count;

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.Equal(known, harness.Client.ProcessingTimes.Count);
    }

    [Fact]
    public async Task A_resumed_handle_is_polled_at_once_and_teaches_nothing()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Succeeded());
        int known = harness.Client.ProcessingTimes.Count;

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.Equal(TimeSpan.Zero, harness.Handler.Polls[0].At);
        Assert.Equal(known, harness.Client.ProcessingTimes.Count);
    }

    [Fact]
    public async Task Opting_out_keeps_the_plain_schedule_and_learns_nothing()
    {
        var plain = new PollingOptions { Adaptive = false, InitialDelay = S(2), Jitter = PollingJitter.None, Interval = S(1), BackoffFactor = 1 };
        using WaitingHarness harness = Warm(9, plain);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Succeeded());
        int known = harness.Client.ProcessingTimes.Count;
        SkinAnalysisJob job = await Submit(harness);

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.Equal([S(2), S(3)], harness.Handler.Polls.Select(p => p.At));
        Assert.Equal(known, harness.Client.ProcessingTimes.Count);
    }

    [Fact]
    public async Task A_pending_answers_retry_after_inside_the_plan_is_a_lower_bound_on_the_next_poll()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Pending("PROCESSING", ("Retry-After", "20")), Replies.Succeeded());
        SkinAnalysisJob job = await Submit(harness);

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.True(harness.Handler.Polls[1].At - harness.Handler.Polls[0].At >= S(20), "the second poll came before the Retry-After allowed");
    }

    [Fact]
    public async Task A_failing_poll_inside_the_plan_still_backs_off()
    {
        using WaitingHarness harness = Warm(9);
        harness.Handler.OnPoll(Replies.Status(HttpStatusCode.ServiceUnavailable), Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "7")), Replies.Succeeded());
        SkinAnalysisJob job = await Submit(harness);

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.True(outcome.IsSucceeded);
        Assert.True(harness.Handler.Polls[2].At - harness.Handler.Polls[1].At >= S(7), "the poll after a 429 came before its Retry-After");
        Assert.All(harness.Handler.Polls.Zip(harness.Handler.Polls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= new PollingOptions().Interval));
    }

    [Fact]
    public async Task The_deadline_and_the_callers_token_end_a_planned_wait_as_they_end_any_other()
    {
        using WaitingHarness timed = Warm(30, new PollingOptions { Deadline = S(20) });
        timed.Handler.OnPoll(Replies.Pending());
        SkinAnalysisJob timedJob = await Submit(timed);
        var timeout = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => timed.Clock.RunAsync(timed.Client.WaitAsync(timedJob)));
        Assert.InRange(timeout.Elapsed, S(20), S(21));
        Assert.All(timed.Handler.Polls, p => Assert.True(p.At <= S(20)));

        using WaitingHarness cancelled = Warm(30);
        cancelled.Handler.OnPoll(Replies.Pending());
        SkinAnalysisJob cancelledJob = await Submit(cancelled);
        using var cancel = new CancellationTokenSource(S(25), cancelled.Clock);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Clock.RunAsync(cancelled.Client.WaitAsync(cancelledJob, cancellationToken: cancel.Token)));
        Assert.Equal(S(25), cancelled.Clock.Now);
        cancel.Dispose();
        Assert.Equal(0, cancelled.Clock.LiveTimers);
    }
}
