namespace SkinLite.Benchmarks.Harness;

/// <summary>The three schedules the polling simulator compares.</summary>
internal enum PollingSimPolicy
{
    Adaptive,
    Default,
    Fixed4s,
}

/// <summary>One policy over one case's jobs, one after another on one simulated client: each job's delay and polls.</summary>
internal sealed class PollingSimRun(double[] delays, int[] polls)
{
    public double[] Delays { get; } = delays;

    public int[] Polls { get; } = polls;

    public static PollingSimRun Execute(PollingSimPolicy policy, double[] ends, int seed, double weight)
    {
        PollingOptions options = policy switch
        {
            PollingSimPolicy.Adaptive => new PollingOptions { AdaptiveDelayWeight = weight },
            PollingSimPolicy.Default => new PollingOptions { Adaptive = false },
            // The vendor SDKs: a first poll after 4 s, then every 4 s.
            _ => new PollingOptions { InitialDelay = TimeSpan.FromSeconds(4), FixedInterval = TimeSpan.FromSeconds(4) },
        };
        ProcessingTimes? learned = policy == PollingSimPolicy.Adaptive ? new ProcessingTimes(options, SkinLiteApi.Private) : null;
        var random = new Random(seed);
        var delays = new double[ends.Length];
        var polls = new int[ends.Length];
        for (int i = 0; i < ends.Length; i++)
        {
            (delays[i], polls[i], double lower, double upper) = PollingSimJob.Run(options, learned?.Plan, random, ends[i]);
            learned?.Observe(TimeSpan.FromSeconds(lower), TimeSpan.FromSeconds(upper));
        }

        return new PollingSimRun(delays, polls);
    }
}
