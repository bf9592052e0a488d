namespace SkinLite.Tests.Polling;

public sealed class PollingOptionsTests
{
    public static TheoryData<string, Action<PollingOptions>> InvalidSettings => new()
    {
        { nameof(PollingOptions.InitialDelay), o => o.InitialDelay = TimeSpan.FromSeconds(-1) },
        { nameof(PollingOptions.Interval), o => o.Interval = TimeSpan.Zero },
        { nameof(PollingOptions.Interval), o => o.Interval = TimeSpan.FromSeconds(-3) },
        { nameof(PollingOptions.MaxInterval), o => o.MaxInterval = TimeSpan.FromMilliseconds(500) },
        { nameof(PollingOptions.BackoffFactor), o => o.BackoffFactor = 0.5 },
        { nameof(PollingOptions.BackoffFactor), o => o.BackoffFactor = double.NaN },
        { nameof(PollingOptions.BackoffFactor), o => o.BackoffFactor = double.PositiveInfinity },
        { nameof(PollingOptions.Jitter), o => o.Jitter = (PollingJitter)42 },
        { nameof(PollingOptions.AdaptiveDelayWeight), o => o.AdaptiveDelayWeight = 0 },
        { nameof(PollingOptions.AdaptiveDelayWeight), o => o.AdaptiveDelayWeight = -4 },
        { nameof(PollingOptions.AdaptiveDelayWeight), o => o.AdaptiveDelayWeight = 101 },
        { nameof(PollingOptions.AdaptiveDelayWeight), o => o.AdaptiveDelayWeight = double.NaN },
        { nameof(PollingOptions.AdaptiveDelayWeight), o => o.AdaptiveDelayWeight = double.PositiveInfinity },
        { nameof(PollingOptions.FixedInterval), o => o.FixedInterval = TimeSpan.Zero },
        { nameof(PollingOptions.FixedInterval), o => o.FixedInterval = TimeSpan.FromSeconds(-1) },
        { nameof(PollingOptions.MinDelay), o => o.MinDelay = TimeSpan.Zero },
        { nameof(PollingOptions.MinDelay), o => o.MinDelay = TimeSpan.FromSeconds(30) },
        { nameof(PollingOptions.Deadline), o => o.Deadline = TimeSpan.Zero },
        { nameof(PollingOptions.Deadline), o => o.Deadline = Timeout.InfiniteTimeSpan },
        { nameof(PollingOptions.RequestTimeout), o => o.RequestTimeout = TimeSpan.Zero },
        { nameof(PollingOptions.RequestTimeout), o => o.RequestTimeout = TimeSpan.FromDays(100) },
        { nameof(PollingOptions.RetryAfterFloor), o => o.RetryAfterFloor = TimeSpan.FromSeconds(-1) },
        { nameof(PollingOptions.RetryAfterCeiling), o => o.RetryAfterCeiling = TimeSpan.FromMilliseconds(500) },
        { nameof(PollingOptions.RetryAfterCeiling), o => o.RetryAfterCeiling = TimeSpan.FromDays(100) },
        { nameof(PollingOptions.InitialDelay), o => o.InitialDelay = TimeSpan.FromDays(100) },
        { nameof(PollingOptions.MaxInterval), o => o.MaxInterval = TimeSpan.FromDays(100) },
        { nameof(PollingOptions.FixedInterval), o => o.FixedInterval = TimeSpan.FromDays(100) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_names_the_setting_that_is_out_of_range(string setting, Action<PollingOptions> spoil)
    {
        var options = new PollingOptions();
        spoil(options);

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
        Assert.Contains($"PollingOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_per_wait_setting_fails_before_anything_is_sent(string setting, Action<PollingOptions> spoil)
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Succeeded());
        var options = new PollingOptions();
        spoil(options);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => harness.Client.WaitAsync(WaitingHarness.ResumedJob(), options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Seen);
    }

    [Fact]
    public void An_invalid_client_wide_setting_fails_in_the_constructor()
    {
        var options = new SkinLiteClientOptions
        {
            AppId = "app",
            Credential = "test-key-1",
            Polling = new PollingOptions { Deadline = TimeSpan.FromSeconds(-5) },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new SkinLiteClient(new HttpClient(), options));

        Assert.Contains("PollingOptions.Deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_the_documented_schedule_and_valid()
    {
        var options = new PollingOptions();

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(2), options.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxInterval);
        Assert.Equal(1.5, options.BackoffFactor);
        Assert.Equal(PollingJitter.Decorrelated, options.Jitter);
        Assert.Null(options.FixedInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.MinDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryAfterFloor);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RetryAfterCeiling);
        Assert.True(options.Adaptive);
        Assert.Equal(4, options.AdaptiveDelayWeight);
    }

    [Fact]
    public void Edge_values_that_still_make_sense_are_accepted()
    {
        var options = new PollingOptions
        {
            InitialDelay = TimeSpan.Zero,
            Interval = TimeSpan.FromSeconds(5),
            MaxInterval = TimeSpan.FromSeconds(5),
            BackoffFactor = 1,
            RetryAfterFloor = TimeSpan.FromSeconds(3),
            RetryAfterCeiling = TimeSpan.FromSeconds(3),
            Deadline = TimeSpan.MaxValue,
            AdaptiveDelayWeight = 0.1,
        };

        options.Validate();
        options.AdaptiveDelayWeight = 100;

        options.Validate();
    }

    [Fact]
    public async Task Changing_the_options_after_the_client_is_made_does_not_change_its_waits()
    {
        var polling = new PollingOptions { InitialDelay = TimeSpan.FromSeconds(2), FixedInterval = TimeSpan.FromSeconds(3) };
        using var harness = new WaitingHarness(polling);
        harness.Handler.OnPoll(Replies.Pending(), Replies.Succeeded());
        polling.InitialDelay = TimeSpan.FromSeconds(40);
        polling.FixedInterval = TimeSpan.FromSeconds(40);

        await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.SubmittedJob()));

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)], harness.Handler.Polls.Select(p => p.At));
    }
}
