using System.Globalization;
using System.Net;

namespace SkinLite.Tests.Waiting;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Parse(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterHeader.Parse(response.Headers, Now);
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData(" 12 ", 12_000)]
    [InlineData("0", 0)]
    [InlineData("-30", 0)]
    public void Seconds_are_read_and_never_negative(string value, double expectedMs)
    {
        TimeSpan? wait = Parse(("Retry-After", value));

        Assert.NotNull(wait);
        Assert.Equal(expectedMs, wait.Value.TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void A_huge_number_of_seconds_is_read_as_a_huge_wait_without_overflowing()
    {
        TimeSpan? wait = Parse(("Retry-After", "99999999999999999999"));

        Assert.NotNull(wait);
        Assert.True(wait > TimeSpan.FromDays(10_000), $"read as {wait}");
    }

    [Fact]
    public void An_http_date_is_read_as_the_time_until_it()
    {
        string date = Now.AddSeconds(45).ToString("r", CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(45), Parse(("Retry-After", date)));
    }

    [Fact]
    public void An_http_date_in_the_past_means_no_wait()
    {
        string date = Now.AddHours(-3).ToString("r", CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.Zero, Parse(("Retry-After", date)));
    }

    [Fact]
    public void Retry_after_ms_is_read_and_wins_over_retry_after()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), Parse(("retry-after-ms", "1500"), ("Retry-After", "40")));
        Assert.Equal(TimeSpan.Zero, Parse(("retry-after-ms", "-20")));
    }

    [Fact]
    public void A_garbled_retry_after_ms_falls_back_to_retry_after()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Parse(("retry-after-ms", "soon"), ("Retry-After", "7")));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("Wed, 99 Foo 2026 25:61:00 GMT")]
    public void A_garbled_value_is_no_wait_at_all(string value)
    {
        Assert.Null(Parse(("Retry-After", value)));
    }

    [Fact]
    public void No_header_is_no_wait_at_all()
    {
        Assert.Null(Parse());
    }

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
