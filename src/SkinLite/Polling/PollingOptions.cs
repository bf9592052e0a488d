namespace SkinLite;

/// <summary>
/// How SkinLite waits for a job: when to poll, how to back off, how long to try, and how to treat the server's
/// <c>Retry-After</c>. The defaults suit the service's few-seconds analyses (see the remarks); call <see cref="Validate"/>
/// to check a hand-made instance (the client does it for you).
/// </summary>
/// <remarks>
/// Defaults: first poll 2 s after the submit (an analysis takes seconds; polling at once only costs a request),
/// then intervals from 1 s growing with decorrelated jitter up to 10 s, for at most 10 minutes (the vendor SDKs'
/// 150 polls of 4 s); docs/polling.md has the measured delays and poll counts of this schedule. <c>Retry-After</c> is honoured but clamped to 1 s - 60 s, so a negative, zero, huge or garbled
/// value can neither spin the loop nor stall it. Each request has its own 30 s timeout, independent of the deadline.
/// </remarks>
public sealed class PollingOptions
{
    /// <summary>The wait before the first poll of a job whose handle still says <c>ACCEPTED</c>, as one fresh from a submit does (default 2 s). A handle with any other status is polled at once.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first interval between polls, and the base of the backoff (default 1 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval the backoff reaches (default 10 s).</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The growth of the interval per poll for <see cref="PollingJitter.None"/> and <see cref="PollingJitter.Full"/> (default 1.5).</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>How intervals are randomised (default <see cref="PollingJitter.Decorrelated"/>).</summary>
    public PollingJitter Jitter { get; set; } = PollingJitter.Decorrelated;

    /// <summary>When set, every interval is exactly this long: no backoff, no jitter, and a pending answer's <c>Retry-After</c> does not shorten or stretch it (a 429's still lengthens it).</summary>
    public TimeSpan? FixedInterval { get; set; }

    /// <summary>
    /// The floor of every delay SkinLite computes or takes from a <c>Retry-After</c> (default 250 ms), so that neither jitter
    /// nor a server asking for no wait polls in a tight loop. A <see cref="FixedInterval"/> is used as given. At most <see cref="MaxInterval"/>.
    /// </summary>
    public TimeSpan MinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The whole wait's deadline, from its start (default 10 minutes). Reaching it raises <see cref="SkinLiteWaitTimeoutException"/>.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The timeout of one poll request (default 30 s); a poll that runs out is retried inside the deadline.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least a server's <c>Retry-After</c> can make SkinLite wait (default 1 s).</summary>
    public TimeSpan RetryAfterFloor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most a server's <c>Retry-After</c> can make SkinLite wait (default 60 s).</summary>
    public TimeSpan RetryAfterCeiling { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest delay a timer can wait (about 49.7 days): the cap on every delay setting.</summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Checks that the settings make sense together.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        NotNegative(InitialDelay, nameof(InitialDelay));
        Positive(Interval, nameof(Interval));
        Positive(MinDelay, nameof(MinDelay));
        Positive(Deadline, nameof(Deadline));
        Positive(RequestTimeout, nameof(RequestTimeout));
        NotNegative(RetryAfterFloor, nameof(RetryAfterFloor));
        AtMost(InitialDelay, nameof(InitialDelay));
        AtMost(MaxInterval, nameof(MaxInterval));
        AtMost(RequestTimeout, nameof(RequestTimeout));
        AtMost(RetryAfterCeiling, nameof(RetryAfterCeiling));
        if (MaxInterval < Interval)
        {
            throw new ArgumentException($"PollingOptions.MaxInterval ({MaxInterval}) is shorter than Interval ({Interval}).", nameof(MaxInterval));
        }

        if (MinDelay > MaxInterval)
        {
            throw new ArgumentException($"PollingOptions.MinDelay ({MinDelay}) is longer than MaxInterval ({MaxInterval}): no delay could satisfy both.", nameof(MinDelay));
        }

        if (RetryAfterCeiling < RetryAfterFloor)
        {
            throw new ArgumentException($"PollingOptions.RetryAfterCeiling ({RetryAfterCeiling}) is shorter than RetryAfterFloor ({RetryAfterFloor}).", nameof(RetryAfterCeiling));
        }

        if (!double.IsFinite(BackoffFactor) || BackoffFactor < 1)
        {
            throw new ArgumentException($"PollingOptions.BackoffFactor must be a finite number of at least 1, not {BackoffFactor}.", nameof(BackoffFactor));
        }

        if (!Enum.IsDefined(Jitter))
        {
            throw new ArgumentException($"PollingOptions.Jitter has the undefined value {(int)Jitter}.", nameof(Jitter));
        }

        if (FixedInterval is { } fixedInterval)
        {
            Positive(fixedInterval, nameof(FixedInterval));
            AtMost(fixedInterval, nameof(FixedInterval));
        }
    }

    /// <summary>A copy, so that a running wait is not changed under it.</summary>
    internal PollingOptions Clone() => (PollingOptions)MemberwiseClone();

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"PollingOptions.{name} must be positive, not {value}.", name);
        }
    }

    // A timer cannot wait longer; a longer setting would make a wait throw deep inside instead of here.
    private static void AtMost(TimeSpan value, string name)
    {
        if (value > MaxTimerDelay)
        {
            throw new ArgumentException($"PollingOptions.{name} must be at most {MaxTimerDelay.TotalDays:0.#} days, not {value}.", name);
        }
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"PollingOptions.{name} must not be negative, not {value}.", name);
        }
    }
}
