namespace SkinLite.Tests.Polling;

public sealed class WatchTests
{
    private static PollingOptions Steady(TimeSpan? deadline = null) => new() { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(2), BackoffFactor = 1, Deadline = deadline ?? TimeSpan.FromMinutes(10) };

    private static async Task<List<AnalysisOutcome>> CollectAsync(IAsyncEnumerable<AnalysisOutcome> updates, int? stopAfter = null)
    {
        var seen = new List<AnalysisOutcome>();
        await foreach (AnalysisOutcome update in updates.ConfigureAwait(false))
        {
            seen.Add(update);
            if (seen.Count == stopAfter)
            {
                break;
            }
        }

        return seen;
    }

    [Fact]
    public async Task Watch_yields_each_distinct_status_once_then_the_terminal_outcome()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(
            Replies.Pending("ACCEPTED"),
            Replies.Pending("ACCEPTED"),
            Replies.Pending("PREPARING"),
            Replies.Pending("PROCESSING"),
            Replies.Pending("PROCESSING"),
            Replies.Pending("PREPARING"),
            Replies.Pending("processing"),
            Replies.Succeeded());

        List<AnalysisOutcome> updates = await harness.Clock.RunAsync(CollectAsync(harness.Client.WatchAsync(WaitingHarness.ResumedJob())));

        Assert.Equal(["ACCEPTED", "PREPARING", "PROCESSING", "SUCCESS"], updates.Select(u => u.Status.Value));
        Assert.All(updates[..^1], u => Assert.True(u.IsPending));
        Assert.True(updates[^1].IsSucceeded);
        Assert.Equal(8, harness.Handler.Polls.Count);
    }

    [Fact]
    public async Task Watch_ends_with_a_rejection_as_its_one_terminal_outcome()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Rejected("Image dimensions are too small. Min required resolution 1024x1024 pixels."));

        List<AnalysisOutcome> updates = await harness.Clock.RunAsync(CollectAsync(harness.Client.WatchAsync(WaitingHarness.ResumedJob())));

        Assert.Equal(2, updates.Count);
        Assert.Equal(RejectionReason.ResolutionTooSmall, updates[1].RejectionReason);
        Assert.Single(updates, u => u.IsTerminal);
    }

    [Fact]
    public async Task Watch_raises_the_deadline_timeout_after_the_statuses_it_saw()
    {
        using var harness = new WaitingHarness(Steady(TimeSpan.FromSeconds(10)));
        harness.Handler.OnPoll(Replies.Pending("PREPARING"), Replies.Pending("PROCESSING"));
        var seen = new List<AnalysisOutcome>();

        async Task<int> WatchAll()
        {
            await foreach (AnalysisOutcome update in harness.Client.WatchAsync(WaitingHarness.ResumedJob()).ConfigureAwait(false))
            {
                seen.Add(update);
            }

            return seen.Count;
        }

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(WatchAll()));

        Assert.Equal(["PREPARING", "PROCESSING"], seen.Select(u => u.Status.Value));
        Assert.Equal(JobStatus.Processing, error.LastStatus);
    }

    [Fact]
    public async Task Stopping_a_watch_early_leaves_no_timer_behind()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending("PREPARING"), Replies.Pending("PROCESSING"));

        List<AnalysisOutcome> updates = await harness.Clock.RunAsync(CollectAsync(harness.Client.WatchAsync(WaitingHarness.SubmittedJob()), stopAfter: 2));

        Assert.Equal(2, updates.Count);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task Watch_honours_the_callers_token()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(7), harness.Clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.RunAsync(CollectAsync(harness.Client.WatchAsync(WaitingHarness.ResumedJob(), cancellationToken: cancel.Token))));

        Assert.Equal(4, harness.Handler.Polls.Count);
    }

    [Fact]
    public void A_bad_handle_or_setting_fails_at_the_call_before_any_enumeration()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Succeeded());

        Assert.Throws<ArgumentException>(() => harness.Client.WatchAsync(new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "p" }));
        var error = Assert.ThrowsAny<ArgumentException>(() => harness.Client.WatchAsync(WaitingHarness.ResumedJob(), new PollingOptions { Interval = TimeSpan.Zero }));
        Assert.Contains("PollingOptions.Interval", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Seen);
    }

    [Fact]
    public async Task A_token_given_to_the_enumerator_cancels_the_watch_too()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5), harness.Clock);

        async Task<int> WatchWithEnumeratorToken()
        {
            int updates = 0;
            await foreach (AnalysisOutcome _ in harness.Client.WatchAsync(WaitingHarness.ResumedJob()).WithCancellation(cancel.Token).ConfigureAwait(false))
            {
                updates++;
            }

            return updates;
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.RunAsync(WatchWithEnumeratorToken()));

        Assert.Equal(3, harness.Handler.Polls.Count);
    }
}
