namespace SkinLite.Tests.Polling;

public sealed class PollingScheduleTests
{
    private const int Draws = 2_000;

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Without_jitter_the_interval_grows_from_the_start_interval_to_the_cap()
    {
        var schedule = new PollingSchedule(new PollingOptions { Interval = S(1), BackoffFactor = 2, MaxInterval = S(10), Jitter = PollingJitter.None });

        TimeSpan[] delays = [.. Enumerable.Range(0, 7).Select(_ => schedule.Next(null, throttled: false))];

        Assert.Equal([S(1), S(2), S(4), S(8), S(10), S(10), S(10)], delays);
    }

    [Fact]
    public void Without_jitter_a_factor_of_one_keeps_the_interval_constant()
    {
        var schedule = new PollingSchedule(new PollingOptions { Interval = S(3), BackoffFactor = 1, Jitter = PollingJitter.None });

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(S(3), schedule.Next(null, throttled: false)));
    }

    [Fact]
    public void The_backoff_never_overflows_however_long_the_wait()
    {
        var schedule = new PollingSchedule(new PollingOptions { Interval = S(1), BackoffFactor = 1_000, MaxInterval = S(30), Jitter = PollingJitter.None });

        TimeSpan last = TimeSpan.Zero;
        for (int i = 0; i < 500; i++)
        {
            last = schedule.Next(null, throttled: false);
        }

        Assert.Equal(S(30), last);
    }

    [Fact]
    public void The_minimum_delay_is_a_floor_under_a_shorter_interval()
    {
        var schedule = new PollingSchedule(new PollingOptions { Interval = TimeSpan.FromMilliseconds(100), MinDelay = TimeSpan.FromMilliseconds(250), Jitter = PollingJitter.None, BackoffFactor = 1 });

        Assert.Equal(TimeSpan.FromMilliseconds(250), schedule.Next(null, throttled: false));
    }

    [Fact]
    public void Full_jitter_draws_between_the_floor_and_the_capped_exponential()
    {
        var options = new PollingOptions { Interval = S(1), BackoffFactor = 2, MaxInterval = S(10), MinDelay = TimeSpan.FromMilliseconds(250), Jitter = PollingJitter.Full };
        var schedule = new PollingSchedule(options);
        var seen = new List<TimeSpan>();

        for (int poll = 0; poll < Draws; poll++)
        {
            TimeSpan delay = schedule.Next(null, throttled: false);
            TimeSpan ceiling = S(Math.Min(Math.Pow(2, poll), 10));
            Assert.InRange(delay, options.MinDelay, ceiling);
            seen.Add(delay);
        }

        // Jitter that always drew the same value would not spread jobs apart.
        Assert.True(seen.Skip(10).Distinct().Count() > Draws / 2, "full jitter drew too few distinct delays");
        Assert.Contains(seen.Skip(10), d => d < S(5));
        Assert.Contains(seen.Skip(10), d => d > S(5));
    }

    [Fact]
    public void Decorrelated_jitter_stays_between_the_interval_and_the_cap_and_within_three_times_the_last_delay()
    {
        var options = new PollingOptions { Interval = S(1), MaxInterval = S(10), Jitter = PollingJitter.Decorrelated };
        var schedule = new PollingSchedule(options);
        TimeSpan previous = options.Interval;
        var seen = new List<TimeSpan>();

        for (int poll = 0; poll < Draws; poll++)
        {
            TimeSpan delay = schedule.Next(null, throttled: false);
            Assert.InRange(delay, options.Interval, options.MaxInterval);
            Assert.True(delay <= previous * 3, $"delay {delay} after {previous} grew more than threefold");
            previous = delay;
            seen.Add(delay);
        }

        Assert.True(seen.Distinct().Count() > Draws / 2, "decorrelated jitter drew too few distinct delays");
        Assert.Contains(seen, d => d > S(8));
    }

    [Theory]
    [InlineData(PollingJitter.None)]
    [InlineData(PollingJitter.Full)]
    [InlineData(PollingJitter.Decorrelated)]
    public void A_fixed_interval_is_respected_exactly_whatever_the_jitter(PollingJitter jitter)
    {
        var schedule = new PollingSchedule(new PollingOptions { FixedInterval = S(7), Jitter = jitter });

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(S(7), schedule.Next(null, throttled: false)));
    }

    [Fact]
    public void A_fixed_interval_ignores_a_pending_answers_retry_after()
    {
        var schedule = new PollingSchedule(new PollingOptions { FixedInterval = S(7) });

        Assert.Equal(S(7), schedule.Next(S(2), throttled: false));
        Assert.Equal(S(7), schedule.Next(S(30), throttled: false));
    }

    [Fact]
    public void A_fixed_interval_is_lengthened_but_never_shortened_by_a_429()
    {
        var schedule = new PollingSchedule(new PollingOptions { FixedInterval = S(7) });

        Assert.Equal(S(20), schedule.Next(S(20), throttled: true));
        Assert.Equal(S(7), schedule.Next(S(2), throttled: true));
    }

    [Fact]
    public void A_pending_answers_retry_after_replaces_the_computed_interval()
    {
        var schedule = new PollingSchedule(new PollingOptions { Jitter = PollingJitter.None, Interval = S(1) });

        Assert.Equal(S(5), schedule.Next(S(5), throttled: false));
    }

    [Fact]
    public void A_throttled_answer_waits_at_least_the_computed_interval()
    {
        var schedule = new PollingSchedule(new PollingOptions { Jitter = PollingJitter.None, Interval = S(4), MaxInterval = S(10), BackoffFactor = 1 });

        Assert.Equal(S(4), schedule.Next(S(1), throttled: true));
        Assert.Equal(S(9), schedule.Next(S(9), throttled: true));
    }

    [Theory]
    [InlineData(-5.0, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(30.0, 30.0)]
    [InlineData(3_600.0, 60.0)]
    [InlineData(1e9, 60.0)]
    public void A_retry_after_is_clamped_to_the_floor_and_the_ceiling(double askedSeconds, double expectedSeconds)
    {
        var schedule = new PollingSchedule(new PollingOptions());
        
        Assert.Equal(S(expectedSeconds), schedule.Next(S(askedSeconds), throttled: false));
    }

    [Fact]
    public void A_zero_retry_after_floor_still_never_polls_in_a_tight_loop()
    {
        var options = new PollingOptions { RetryAfterFloor = TimeSpan.Zero };
        var schedule = new PollingSchedule(options);

        Assert.Equal(options.MinDelay, schedule.Next(TimeSpan.Zero, throttled: false));
        Assert.True(schedule.Next(TimeSpan.Zero, throttled: true) >= options.MinDelay);
    }
}
