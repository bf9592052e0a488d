using System.Globalization;
using System.Net;

namespace SkinLite.Tests.Polling;

/// <summary>Waits honour the Retry-After a pending answer or a 429 on a poll asks for, within the polling floor and ceiling.</summary>
public sealed class RetryAfterWaitTests
{
    public static TheoryData<string, string, double> PendingAnswers => new()
    {
        // header, value, seconds until the next poll with the default floor (1 s) and ceiling (60 s)
        { "Retry-After", "20", 20 },
        { "Retry-After", "0", 1 },
        { "Retry-After", "-8", 1 },
        { "Retry-After", "86400", 60 },
        { "Retry-After", "99999999999999999999", 60 },
        { "retry-after-ms", "2500", 2.5 },
        { "retry-after-ms", "1", 1 },
        { "Retry-After", "garbled!", 3 },
    };

    [Theory]
    [MemberData(nameof(PendingAnswers))]
    public async Task A_wait_honours_a_pending_answers_retry_after_within_the_clamps(string header, string value, double expectedSeconds)
    {
        // Without Retry-After the next poll would come after the plain 3 s interval.
        using var harness = new WaitingHarness(new PollingOptions { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(3), BackoffFactor = 1 });
        harness.Handler.OnPoll(Replies.Pending("PROCESSING", (header, value)), Replies.Succeeded());

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(expectedSeconds)], harness.Handler.Polls.Select(p => p.At));
    }

    [Fact]
    public async Task A_wait_honours_an_http_date_retry_after()
    {
        using var harness = new WaitingHarness(new PollingOptions { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(3), BackoffFactor = 1 });
        string date = harness.Clock.GetUtcNow().AddSeconds(25).ToString("r", CultureInfo.InvariantCulture);
        harness.Handler.OnPoll(Replies.Pending("PROCESSING", ("Retry-After", date)), Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(25)], harness.Handler.Polls.Select(p => p.At));
    }

    [Fact]
    public async Task A_429_on_a_poll_waits_as_long_as_it_asks_within_the_ceiling()
    {
        using var harness = new WaitingHarness(new PollingOptions { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(1), BackoffFactor = 1 });
        harness.Handler.OnPoll(
            Replies.Status(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", ("Retry-After", "30")),
            Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "100000")),
            Replies.Succeeded());

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)], harness.Handler.Polls.Select(p => p.At));
    }
}
