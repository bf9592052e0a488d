using System.Diagnostics;
using System.Net;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Diagnostics;

public sealed class TracingTests
{
    private static PollingOptions Steady(TimeSpan? deadline = null) => new() { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(2), BackoffFactor = 1, Deadline = deadline ?? TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task A_wait_is_one_span_tagged_with_the_job_the_polls_and_the_outcome()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Status(HttpStatusCode.BadGateway), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.NotEqual(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("Private", wait.GetTagItem("skinlite.api"));
        Assert.Equal(WaitingHarness.AppId, wait.GetTagItem("skinlite.app_id"));
        Assert.Equal(Replies.ScanId, wait.GetTagItem("skinlite.scan_id"));
        Assert.Equal(Replies.PredictionId, wait.GetTagItem("skinlite.prediction_id"));
        Assert.Equal(3, wait.GetTagItem("skinlite.polls"));
        Assert.Equal("succeeded", wait.GetTagItem("skinlite.outcome"));
        Assert.Null(wait.GetTagItem("skinlite.rejection_reason"));
    }

    [Fact]
    public async Task A_rejection_is_tagged_with_its_reason()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Rejected("File size exceeds 5MB limit."));

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal("rejected", wait.GetTagItem("skinlite.outcome"));
        Assert.Equal(nameof(RejectionReason.FileTooLarge), wait.GetTagItem("skinlite.rejection_reason"));
    }

    [Fact]
    public async Task A_wait_that_reaches_its_deadline_is_an_error_span_with_the_last_status()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness(Steady(TimeSpan.FromSeconds(10)));
        harness.Handler.OnPoll(Replies.Pending("PREPARING"));

        await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("timeout", wait.GetTagItem("skinlite.outcome"));
        Assert.Equal("PREPARING", wait.GetTagItem("skinlite.last_status"));
        Assert.Equal(6, wait.GetTagItem("skinlite.polls"));
        Assert.Equal(typeof(SkinLiteWaitTimeoutException).FullName, wait.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_wait_ended_by_a_permanent_error_is_an_error_span()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Status(HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("error", wait.GetTagItem("skinlite.outcome"));
        Assert.Equal(typeof(SkinLiteNotFoundException).FullName, wait.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_watch_is_one_wait_span_too()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Failed());

        async Task<int> WatchAll()
        {
            int updates = 0;
            await foreach (AnalysisOutcome _ in harness.Client.WatchAsync(WaitingHarness.ResumedJob()).ConfigureAwait(false))
            {
                updates++;
            }

            return updates;
        }

        Assert.Equal(2, await harness.Clock.RunAsync(WatchAll()));
        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal("failed", wait.GetTagItem("skinlite.outcome"));
        Assert.Equal(2, wait.GetTagItem("skinlite.polls"));
    }

    [Fact]
    public async Task A_submit_is_one_client_span_across_its_connect_retries()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.ConnectionRefused(), Replies.Accepted("pred-span", "scan-span"));

        await harness.Clock.RunAsync(harness.Client.SubmitAsync(TestPng.Create(), "face.png"));

        Activity submit = capture.Single("SkinLite.Submit");
        Assert.Equal(ActivityKind.Client, submit.Kind);
        Assert.NotEqual(ActivityStatusCode.Error, submit.Status);
        Assert.Equal(3, submit.GetTagItem("skinlite.attempts"));
        Assert.Equal("pred-span", submit.GetTagItem("skinlite.prediction_id"));
        Assert.Equal("scan-span", submit.GetTagItem("skinlite.scan_id"));
        Assert.Equal("Private", submit.GetTagItem("skinlite.api"));
    }

    [Fact]
    public async Task A_failed_submit_is_an_error_span()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<SkinLiteServerException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(TestPng.Create(), "face.png")));

        Activity submit = capture.Single("SkinLite.Submit");
        Assert.Equal(ActivityStatusCode.Error, submit.Status);
        Assert.Equal(1, submit.GetTagItem("skinlite.attempts"));
        Assert.Equal(typeof(SkinLiteServerException).FullName, submit.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Analyze_makes_a_submit_span_then_a_wait_span_under_the_callers_activity()
    {
        using var capture = new ActivityCapture();
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Accepted());
        harness.Handler.OnPoll(Replies.Succeeded());
        ActivitySpanId parent = Activity.Current!.SpanId;

        await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(TestPng.Create()));

        Activity submit = capture.Single("SkinLite.Submit");
        Activity wait = capture.Single("SkinLite.Wait");
        Assert.Equal(parent, submit.ParentSpanId);
        Assert.Equal(parent, wait.ParentSpanId);
        Assert.True(submit.StartTimeUtc <= wait.StartTimeUtc);
    }
}
