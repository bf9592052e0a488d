using System.Net;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Diagnostics;

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    private static PollingOptions Steady() => new() { FixedInterval = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Every_answered_poll_is_counted_by_its_status()
    {
        using var metrics = new MetricsCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending("QUEUED-METRICS"), Replies.Status(HttpStatusCode.ServiceUnavailable), Replies.Pending("QUEUED-METRICS"), Replies.Pending("PROCESSING"), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        // An undocumented status is counted as "other": the tag's values stay a closed set.
        Assert.Equal(2, metrics.Sum("skinlite.polls", "skinlite.status", "other"));
        Assert.Equal(0, metrics.Sum("skinlite.polls", "skinlite.status", "QUEUED-METRICS"));
        Assert.Equal(1, metrics.Sum("skinlite.polls", "skinlite.status", "PROCESSING"));
        Assert.Equal(1, metrics.Sum("skinlite.polls", "skinlite.status", "SUCCESS"));
        Assert.Equal(4, metrics.Of("skinlite.polls").Count);
    }

    [Fact]
    public async Task Every_outcome_is_counted_by_its_kind()
    {
        using var metrics = new MetricsCapture();
        foreach (Reply end in new[] { Replies.Succeeded(), Replies.Succeeded(), Replies.Rejected(), Replies.Failed() })
        {
            using var harness = new WaitingHarness(Steady());
            harness.Handler.OnPoll(Replies.Pending(), end);
            await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));
        }

        Assert.Equal(2, metrics.Sum("skinlite.outcomes", "skinlite.outcome", "succeeded"));
        Assert.Equal(1, metrics.Sum("skinlite.outcomes", "skinlite.outcome", "rejected"));
        Assert.Equal(1, metrics.Sum("skinlite.outcomes", "skinlite.outcome", "failed"));
        Assert.Equal(4, metrics.Of("skinlite.outcomes").Count);
    }

    [Fact]
    public async Task The_time_to_result_histogram_records_the_fake_seconds_the_wait_took()
    {
        using var metrics = new MetricsCapture();
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Pending(), Replies.Rejected());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob()));

        // 2 s head start, then two 5 s intervals.
        Measurement recorded = Assert.Single(metrics.Of("skinlite.time_to_result"));
        Assert.Equal(12.0, recorded.Value, precision: 6);
        Assert.Equal("rejected", recorded.Tags["skinlite.outcome"]);
    }

    [Fact]
    public async Task A_wait_without_an_outcome_counts_its_polls_but_no_outcome()
    {
        using var metrics = new MetricsCapture();
        using var harness = new WaitingHarness(new PollingOptions { FixedInterval = TimeSpan.FromSeconds(5), Deadline = TimeSpan.FromSeconds(12) });
        harness.Handler.OnPoll(Replies.Pending());

        await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Assert.Equal(harness.Handler.Polls.Count, metrics.Of("skinlite.polls").Count);
        Assert.Empty(metrics.Of("skinlite.outcomes"));
        Assert.Empty(metrics.Of("skinlite.time_to_result"));
    }
}
