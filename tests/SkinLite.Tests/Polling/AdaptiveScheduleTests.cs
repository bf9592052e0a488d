using CsCheck;

namespace SkinLite.Tests.Polling;

/// <summary>The adaptive schedule's bounds and fallbacks, on simulated elapsed times: properties, not figures.</summary>
public sealed class AdaptiveScheduleTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>A plan learned from jobs that each took about <paramref name="seconds"/> (to the nearest 100 ms, exactly known).</summary>
    internal static PollPlan Learned(PollingOptions options, double seconds, int jobs = 64, double spread = 0.1)
    {
        var learned = new ProcessingTimes(options, SkinLiteApi.Private);
        learned.Seed(Around(seconds, jobs, spread));
        return learned.Plan!;
    }

    /// <summary>Intervals of 100 ms around <paramref name="seconds"/>, give or take half of <paramref name="spread"/>.</summary>
    internal static ProcessingTimeInterval[] Around(double seconds, int jobs = 64, double spread = 0.1)
    {
        var random = new Random(7);
        var intervals = new ProcessingTimeInterval[jobs];
        for (int i = 0; i < jobs; i++)
        {
            double end = seconds * (1 + (spread * (random.NextDouble() - 0.5)));
            intervals[i] = new(S(Math.Max(0, end - 0.1)), S(end));
        }

        return intervals;
    }

    [Fact]
    public void Without_a_plan_it_is_the_plain_backoff_from_the_initial_delay()
    {
        var options = new PollingOptions { Jitter = PollingJitter.None, Interval = S(1), BackoffFactor = 2, MaxInterval = S(8), InitialDelay = S(3) };
        var schedule = new AdaptiveSchedule(options, plan: null);
        var plain = new PollingSchedule(options);

        Assert.Equal(S(3), schedule.First(TimeSpan.Zero));
        Assert.True(schedule.FellBack);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(plain.Next(null, throttled: false), schedule.Next(S(i), null, throttled: false, fault: false));
        }
    }

    [Fact]
    public void A_fixed_interval_ignores_the_plan()
    {
        var options = new PollingOptions { FixedInterval = S(4), InitialDelay = S(4) };
        var schedule = new AdaptiveSchedule(options, Learned(new PollingOptions(), 12));

        Assert.Equal(S(4), schedule.First(TimeSpan.Zero));
        Assert.Equal(S(4), schedule.Next(S(4), null, throttled: false, fault: false));
    }

    [Fact]
    public void A_learned_plan_waits_for_the_usual_end_before_polling_and_then_polls_closely()
    {
        var options = new PollingOptions();
        PollPlan plan = Learned(options, 9);
        var schedule = new AdaptiveSchedule(options, plan, new Random(1));

        // The first poll comes well after the plain 2 s head start, but no later than MaxInterval; the polls around the
        // learned end are closer together than the plain backoff's.
        TimeSpan first = schedule.First(TimeSpan.Zero);
        Assert.InRange(first, S(2.5), options.MaxInterval);
        TimeSpan at = first;
        var gaps = new List<TimeSpan>();
        while (at < S(9))
        {
            TimeSpan gap = schedule.Next(at, null, throttled: false, fault: false);
            gaps.Add(gap);
            at += gap;
        }

        Assert.All(gaps, g => Assert.InRange(g, options.MinDelay, options.MaxInterval));
        Assert.Contains(gaps, g => g <= S(1.5));
        Assert.False(schedule.FellBack);
    }

    [Fact]
    public void Even_when_jobs_take_longer_than_MaxInterval_the_plan_never_leaves_a_gap_longer_than_it()
    {
        var options = new PollingOptions { MaxInterval = S(10) };
        PollPlan plan = Learned(options, 33);

        Assert.InRange(plan.Offsets[0], options.MinDelay, options.MaxInterval);
        Assert.All(plan.Offsets.Zip(plan.Offsets.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, options.MinDelay, options.MaxInterval));
    }

    [Fact]
    public void A_job_that_outlives_the_plan_falls_back_to_the_backoff_from_where_a_job_of_its_age_would_be()
    {
        var options = new PollingOptions { Jitter = PollingJitter.Decorrelated, Interval = S(1), MaxInterval = S(10) };
        PollPlan plan = Learned(options, 12);
        var schedule = new AdaptiveSchedule(options, plan, new Random(2));
        TimeSpan end = plan.Offsets[^1] + options.MaxInterval;

        TimeSpan at = schedule.First(TimeSpan.Zero);
        while (!schedule.FellBack)
        {
            at += schedule.Next(at, null, throttled: false, fault: false);
            Assert.True(at <= end, "the plan ran past its last time");
        }

        // Past the plan: decorrelated gaps between Interval and MaxInterval, never a burst at the floor.
        for (int i = 0; i < 50; i++)
        {
            TimeSpan gap = schedule.Next(at, null, throttled: false, fault: false);
            Assert.InRange(gap, options.Interval, options.MaxInterval);
            at += gap;
        }
    }

    [Fact]
    public void Every_gap_respects_the_floor_the_cap_and_the_retry_after_whatever_the_answers()
    {
        Gen<(double Typical, int Seed, (double Advance, int RetryAfter, int Kind)[] Polls)> cases =
            Gen.Select(Gen.Double[0.5, 90], Gen.Int, Gen.Select(Gen.Double[0, 3], Gen.Int[-5, 120], Gen.Int[0, 9]).Array[1, 40]);
        cases.Sample(c =>
        {
            var options = new PollingOptions { MinDelay = TimeSpan.FromMilliseconds(250), MaxInterval = S(10), RetryAfterFloor = S(1), RetryAfterCeiling = S(60) };
            var schedule = new AdaptiveSchedule(options, Learned(options, c.Typical), new Random(c.Seed));
            TimeSpan at = schedule.First(TimeSpan.Zero);
            Assert.InRange(at, options.MinDelay, options.MaxInterval);
            foreach ((double advance, int retryAfter, int kind) in c.Polls)
            {
                // The answer took a while (advance); kind 0-5 plain, 6-7 pending with Retry-After, 8 a 429, 9 another fault.
                at += S(advance);
                TimeSpan? asked = kind is >= 6 and <= 8 ? S(retryAfter) : null;
                bool throttled = kind == 8;
                bool fault = kind >= 8;
                bool inPlan = !schedule.FellBack;
                TimeSpan gap = schedule.Next(at, asked, throttled, fault);

                Assert.True(gap >= options.MinDelay, $"gap {gap} under the floor");
                if (asked is { } a)
                {
                    TimeSpan clamped = a < options.RetryAfterFloor ? options.RetryAfterFloor : a > options.RetryAfterCeiling ? options.RetryAfterCeiling : a;
                    Assert.True(gap >= clamped, $"gap {gap} earlier than Retry-After {clamped} (in plan: {inPlan})");
                }
                else
                {
                    Assert.True(gap <= options.MaxInterval, $"gap {gap} over MaxInterval without a Retry-After");
                }

                at += gap;
            }
        });
    }

    [Fact]
    public void A_service_three_times_slower_does_not_make_a_poll_storm_and_is_relearned()
    {
        var options = new PollingOptions();
        var plainOptions = new PollingOptions { Adaptive = false };
        var learned = new ProcessingTimes(options, SkinLiteApi.Private);
        var random = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            Run(options, learned, random, 12 * (1 + (0.2 * (random.NextDouble() - 0.5))));
        }

        int plannedBefore = learned.Plan!.Offsets.Length;
        int adaptive = 0;
        int plain = 0;
        for (int i = 0; i < 100; i++)
        {
            double end = 36 * (1 + (0.2 * (random.NextDouble() - 0.5)));
            int polls = Run(options, learned, random, end);
            // No job of the shift polls more than the old plan plus a plain backoff from its end would.
            Assert.InRange(polls, 1, plannedBefore + 12);
            adaptive += polls;
            plain += Run(plainOptions, null, random, end);
        }

        // Over the shift, no more than a fifth above the plain backoff on the same jobs; and the plan now covers them.
        Assert.True(adaptive <= plain * 1.2, $"{adaptive} polls against {plain} for the plain backoff");
        Assert.InRange(learned.Median!.Value, S(30), S(42));
    }

    private static int Run(PollingOptions options, ProcessingTimes? learned, Random random, double seconds)
    {
        var schedule = new AdaptiveSchedule(options, learned?.Plan, random);
        TimeSpan end = S(seconds);
        TimeSpan at = schedule.First(TimeSpan.Zero);
        TimeSpan pending = TimeSpan.Zero;
        int polls = 1;
        while (at < end)
        {
            pending = at;
            at += schedule.Next(at, null, throttled: false, fault: false);
            polls++;
        }

        learned?.Observe(pending, at);
        return polls;
    }
}
