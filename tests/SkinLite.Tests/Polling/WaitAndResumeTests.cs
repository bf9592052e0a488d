using System.Net;

namespace SkinLite.Tests.Polling;

public sealed class WaitAndResumeTests
{
    private static PollingOptions Steady() => new() { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(3), BackoffFactor = 1 };

    [Fact]
    public async Task A_fresh_handle_waits_the_initial_delay_before_its_first_poll()
    {
        using var harness = new WaitingHarness(new PollingOptions { InitialDelay = TimeSpan.FromSeconds(4), Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(1), BackoffFactor = 2, MaxInterval = TimeSpan.FromSeconds(4) });
        harness.Handler.OnPoll(Replies.Pending("ACCEPTED"), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Pending(), Replies.Succeeded());

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob()));

        Assert.True(outcome.IsSucceeded);
        // 4 s head start, then 1, 2, 4 and the 4 s cap.
        Assert.Equal(new[] { 4, 5, 7, 11, 15, 19 }.Select(s => TimeSpan.FromSeconds(s)), harness.Handler.Polls.Select(p => p.At));
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task A_handle_rebuilt_from_bare_ids_is_polled_at_once_on_its_own_path()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Succeeded());
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Private, AppId = "other-app", ScanId = "scan-77", PredictionId = "pred-77" };

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.True(outcome.IsSucceeded);
        SeenRequest poll = Assert.Single(harness.Handler.Polls);
        Assert.Equal(TimeSpan.Zero, poll.At);
        Assert.EndsWith("/sa-predictions/apps/other-app/plugins/skinAnalysisInt/scans/scan-77/pred-77", poll.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_handle_resumes_in_another_client_after_a_timeout()
    {
        using var first = new WaitingHarness(new PollingOptions { Deadline = TimeSpan.FromSeconds(30) });
        first.Handler.OnPoll(Replies.Pending());
        var timeout = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => first.Clock.RunAsync(first.Client.WaitAsync(WaitingHarness.SubmittedJob())));
        string saved = timeout.Job.ToJson();

        using var second = new WaitingHarness();
        second.Handler.OnPoll(Replies.Pending(), Replies.Succeeded(64));
        AnalysisOutcome outcome = await second.Clock.RunAsync(second.Client.WaitAsync(SkinAnalysisJob.FromJson(saved)));

        Assert.Equal(64, outcome.Result.TotalSkinScore);
        Assert.All(second.Handler.Polls, p => Assert.EndsWith($"/scans/{Replies.ScanId}/{Replies.PredictionId}", p.Uri.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_transformation_family_polls_by_prediction_id_alone()
    {
        using var harness = new WaitingHarness(Steady(), api: SkinLiteApi.Transformation);
        harness.Handler.OnPoll(Replies.Succeeded());
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "skinAnalysisInt--generate--42" };

        await harness.Clock.RunAsync(harness.Client.WaitAsync(job));

        Assert.EndsWith("/predictions/skinAnalysisInt--generate--42", Assert.Single(harness.Handler.Polls).Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handle_from_another_route_family_is_refused_before_anything_is_sent()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Succeeded());
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "p" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.WaitAsync(job));

        Assert.Contains("Transformation", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Seen);
    }

    [Fact]
    public async Task A_rejection_is_returned_as_a_terminal_outcome_not_a_result()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Rejected("No face detected"));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsRejected);
        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
        Assert.Equal(2, harness.Handler.Polls.Count);
    }

    [Fact]
    public async Task A_failed_job_ends_the_wait_with_its_failure()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Failed("backend exploded"));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsFailed);
        Assert.Equal("backend exploded", outcome.Message);
    }

    [Fact]
    public async Task An_unknown_status_keeps_the_wait_going()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending("QUEUED_SOMEWHERE_NEW"), Replies.Pending("QUEUED_SOMEWHERE_NEW"), Replies.Succeeded());

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded);
        Assert.Equal(3, harness.Handler.Polls.Count);
    }

    [Fact]
    public async Task Per_wait_options_override_the_clients_own()
    {
        using var harness = new WaitingHarness(new PollingOptions { FixedInterval = TimeSpan.FromSeconds(30) });
        harness.Handler.OnPoll(Replies.Pending(), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob(), new PollingOptions { FixedInterval = TimeSpan.FromSeconds(4) }));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(4)], harness.Handler.Polls.Select(p => p.At));
    }

    [Fact]
    public async Task Every_poll_sends_the_encoded_credential_and_asks_for_json()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Status(HttpStatusCode.BadGateway), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.All(harness.Handler.Polls, p => Assert.Equal($"Bearer {WaitingHarness.EncodedCredential}", p.Authorization));
    }
}
