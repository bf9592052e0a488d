namespace SkinLite.Tests.Polling;

/// <summary>The learned figures: bounded, exportable, seedable, safe to share between many waits.</summary>
public sealed class ProcessingTimesTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static ProcessingTimes Fresh() => new(new PollingOptions(), SkinLiteApi.Private);

    [Fact]
    public void There_is_no_plan_until_enough_jobs_are_known()
    {
        ProcessingTimes learned = Fresh();
        for (int i = 1; i < ProcessingTimes.MinSamples; i++)
        {
            learned.Observe(S(10), S(11));
            Assert.Null(learned.Plan);
            Assert.Null(learned.Median);
        }

        learned.Observe(S(10), S(11));

        Assert.NotNull(learned.Plan);
        Assert.InRange(learned.Median!.Value, S(10), S(11.5));
    }

    [Fact]
    public void Export_and_seed_carry_the_figures_to_another_client_oldest_first()
    {
        ProcessingTimes learned = Fresh();
        ProcessingTimeInterval[] seen = AdaptiveScheduleTests.Around(12, 40);
        foreach (ProcessingTimeInterval interval in seen)
        {
            learned.Observe(interval.Lower, interval.Upper);
        }

        ProcessingTimes other = Fresh();
        other.Seed(learned.Export());

        Assert.Equal(seen, other.Export());
        Assert.Equal(learned.Median, other.Median);
        Assert.Equal(learned.Plan!.Offsets, other.Plan!.Offsets);
    }

    [Fact]
    public void Only_the_latest_jobs_are_kept()
    {
        ProcessingTimes learned = Fresh();
        learned.Seed(AdaptiveScheduleTests.Around(12, ProcessingTimes.Capacity * 3));

        Assert.Equal(ProcessingTimes.Capacity, learned.Count);
        Assert.Equal(ProcessingTimes.Capacity, learned.Export().Length);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    [InlineData(0, 100_000)]
    public void A_seed_out_of_range_is_refused_whole(double lower, double upper)
    {
        ProcessingTimes learned = Fresh();

        Assert.Throws<ArgumentException>(() => learned.Seed([new(S(1), S(2)), new(S(lower), S(upper))]));
        Assert.Equal(0, learned.Count);
    }

    [Fact]
    public void Reset_forgets_everything()
    {
        ProcessingTimes learned = Fresh();
        learned.Seed(AdaptiveScheduleTests.Around(12));

        learned.Reset();

        Assert.Equal(0, learned.Count);
        Assert.Null(learned.Plan);
    }

    [Fact]
    public async Task Many_waits_can_teach_and_read_it_at_once()
    {
        ProcessingTimes learned = Fresh();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                learned.Observe(S(8 + (worker % 3)), S(9 + (worker % 3)));
                PollPlan? plan = learned.Plan;
                Assert.True(plan is null || plan.Offsets.Length > 0);
                _ = learned.Export();
            }
        })));

        Assert.Equal(ProcessingTimes.Capacity, learned.Count);
        Assert.InRange(learned.Median!.Value, S(8), S(11.5));
    }

    [Fact]
    public void A_higher_delay_weight_plans_more_polls_for_a_shorter_expected_delay()
    {
        PollPlan[] plans = [.. new[] { 1.0, 4, 10 }.Select(weight =>
        {
            var learned = new ProcessingTimes(new PollingOptions { AdaptiveDelayWeight = weight }, SkinLiteApi.Private);
            learned.Seed(AdaptiveScheduleTests.Around(12, spread: 0.25));
            return learned.Plan!;
        })];

        Assert.True(plans[0].ExpectedPolls < plans[1].ExpectedPolls && plans[1].ExpectedPolls < plans[2].ExpectedPolls, string.Join(", ", plans.Select(p => p.ExpectedPolls)));
        Assert.True(plans[0].ExpectedDelaySeconds > plans[1].ExpectedDelaySeconds && plans[1].ExpectedDelaySeconds > plans[2].ExpectedDelaySeconds, string.Join(", ", plans.Select(p => p.ExpectedDelaySeconds)));
    }

    [Fact]
    public void A_plan_always_rises_and_covers_the_learned_jobs()
    {
        ProcessingTimes learned = Fresh();
        learned.Seed(AdaptiveScheduleTests.Around(40, spread: 0.5));
        TimeSpan[] offsets = learned.Plan!.Offsets;

        Assert.All(offsets.Zip(offsets.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, new PollingOptions().MinDelay, new PollingOptions().MaxInterval));
        Assert.True(offsets[^1] >= learned.Percentile90!.Value);
    }

    [Fact]
    public void A_slower_service_drops_the_old_plan_within_a_few_jobs_and_plans_again_from_the_new_times_alone()
    {
        ProcessingTimes learned = Fresh();
        learned.Seed(AdaptiveScheduleTests.Around(12));
        int slow = 0;
        while (learned.Plan is not null)
        {
            learned.Observe(S(35), S(36));
            Assert.True(++slow <= 8, "eight jobs three times slower did not end the old plan");
        }

        for (int i = learned.Count; i < ProcessingTimes.MinSamples; i++)
        {
            Assert.Null(learned.Plan);
            learned.Observe(S(35), S(36));
        }

        Assert.InRange(learned.Median!.Value, S(35), S(36.5));
        Assert.All(learned.Export(), interval => Assert.Equal(S(36), interval.Upper));
    }

    [Fact]
    public void A_steady_service_keeps_its_plan_through_its_slow_tail()
    {
        ProcessingTimes learned = Fresh();
        ProcessingTimeInterval[] jobs = AdaptiveScheduleTests.Around(12, 3_000, spread: 0.8);
        learned.Seed(jobs.AsSpan(0, ProcessingTimes.MinSamples).ToArray());

        foreach (ProcessingTimeInterval job in jobs.AsSpan(ProcessingTimes.MinSamples))
        {
            learned.Observe(job.Lower, job.Upper);
            Assert.NotNull(learned.Plan);
        }
    }
}
