namespace SkinLite;

/// <summary>
/// The poll times a fresh job follows while it is within the learned range, as offsets from the submit's answer, and
/// the learned figures they came from. Immutable: every wait that starts reads the current plan without a lock or a copy.
/// </summary>
internal sealed class PollPlan(TimeSpan[] offsets, int samples, TimeSpan median, TimeSpan p90, double expectedPolls, double expectedDelaySeconds)
{
    /// <summary>When to poll, ascending; the last one covers all but the slowest 1% of the learned jobs.</summary>
    public TimeSpan[] Offsets { get; } = offsets;

    /// <summary>How many watched jobs the plan was learned from.</summary>
    public int Samples { get; } = samples;

    /// <summary>The learned median processing time.</summary>
    public TimeSpan Median { get; } = median;

    /// <summary>The learned 90th percentile of the processing time.</summary>
    public TimeSpan P90 { get; } = p90;

    /// <summary>The polls per job the plan expects under the learned figures (jobs past its end count its polls only).</summary>
    public double ExpectedPolls { get; } = expectedPolls;

    /// <summary>The mean notice delay the plan expects under the learned figures.</summary>
    public double ExpectedDelaySeconds { get; } = expectedDelaySeconds;
}
