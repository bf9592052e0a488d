namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// One simulated wait on the simulated clock: the same <see cref="AdaptiveSchedule"/> the client's waits use, polls at
/// the times it gives until one falls at or after the job's end. No real waiting, no network.
/// </summary>
internal static class PollingSimJob
{
    /// <summary>Runs one job that ends <paramref name="end"/> seconds after its submit's answer.</summary>
    /// <returns>The notice delay (first terminal poll minus the true end), the polls, and the interval a client learns.</returns>
    public static (double Delay, int Polls, double Lower, double Upper) Run(PollingOptions options, PollPlan? plan, Random random, double end)
    {
        var schedule = new AdaptiveSchedule(options, plan, random);
        TimeSpan at = schedule.First(TimeSpan.Zero);
        TimeSpan lastPending = TimeSpan.Zero;
        int polls = 1;
        TimeSpan finish = TimeSpan.FromSeconds(end);
        while (at < finish)
        {
            lastPending = at;
            at += schedule.Next(at, null, throttled: false, fault: false);
            polls++;
        }

        return ((at - finish).TotalSeconds, polls, lastPending.TotalSeconds, at.TotalSeconds);
    }
}
