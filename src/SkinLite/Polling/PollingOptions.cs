namespace SkinLite;

/// <summary>
/// How SkinLite waits for a job: when to poll, how to back off, how long to try, and how to treat the server's
/// <c>Retry-After</c>. The defaults suit the service's few-seconds analyses (see the remarks); call <see cref="Validate"/>
/// to check a hand-made instance (the client does it for you).
/// </summary>
/// <remarks>
/// Defaults: a fresh job is polled around the processing times the client learned from earlier jobs
/// (<see cref="Adaptive"/>); until it has learned them, and once a job outlives them, the first poll comes 2 s after
/// the submit (an analysis takes seconds; polling at once only costs a request), then intervals from 1 s growing with
/// decorrelated jitter up to 10 s; all for at most 10 minutes (the vendor SDKs' 150 polls of 4 s). docs/polling.md
/// has the measured delays and poll counts of both schedules. <c>Retry-After</c> is honoured but clamped to 1 s - 60 s, so a negative, zero, huge or garbled
/// value can neither spin the loop nor stall it. Each request has its own 30 s timeout, independent of the deadline.
/// </remarks>
public sealed class PollingOptions
{
    /// <summary>The wait before the first poll of a job whose handle still says <c>ACCEPTED</c>, as one fresh from a submit does (default 2 s), unless a learned plan (<see cref="Adaptive"/>) says when. A handle with any other status is polled at once.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first interval between polls, and the base of the backoff (default 1 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval the backoff reaches (default 10 s).</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The growth of the interval per poll for <see cref="PollingJitter.None"/> and <see cref="PollingJitter.Full"/> (default 1.5).</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>How intervals are randomised (default <see cref="PollingJitter.Decorrelated"/>).</summary>
    public PollingJitter Jitter { get; set; } = PollingJitter.Decorrelated;

    /// <summary>
    /// Whether a fresh job is polled at the times the client learned from earlier jobs (default <see langword="true"/>):
    /// around their processing times, tighter where jobs usually end, falling back to the backoff above while too little
    /// is known (<see cref="ProcessingTimes.MinSamples"/> jobs) and when a job outlives what was learned. <see langword="false"/>
    /// keeps the plain backoff for every poll. Ignored when <see cref="FixedInterval"/> is set, and for a handle this client's submit did not return (rebuilt from JSON or ids): its age on the client's clock is unknown.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>
    /// What one second less notice delay is worth in polls to the <see cref="Adaptive"/> schedule (default 4). Higher
    /// polls more densely where jobs usually end: the job is seen ended sooner, for more requests per job. For a service
    /// whose jobs take 12 s give or take a quarter, 4 notices the end 0.7 s after it (median; p90 1.6 s) with about 3.5
    /// polls per job, 10 about 0.5 s (p90 1.0 s) with 5.2, 1 about 1.2 s with 2.6 (docs/polling.md has the table).
    /// From 0.1 to 100.
    /// </summary>
    public double AdaptiveDelayWeight { get; set; } = DefaultAdaptiveDelayWeight;

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

    /// <summary>Chosen with the polling simulator (docs/polling.md): the most delay-saving weight that keeps a tight service (lognormal 12 s, σ 0.25) within 3.5 polls per job.</summary>
    internal const double DefaultAdaptiveDelayWeight = 4;

    /// <summary>The longest delay a timer can wait (about 49.7 days): the cap on every delay setting.</summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Checks that the settings make sense together.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        foreach (OptionProblem problem in Problems())
        {
            throw new ArgumentException($"PollingOptions.{problem.Member} {problem.Text}", problem.Member);
        }
    }

    /// <summary>Every setting that is out of range, not only the first: a host reports them all at once.</summary>
    internal IEnumerable<OptionProblem> Problems()
    {
        var problems = new List<OptionProblem>();
        NotNegative(problems, InitialDelay, nameof(InitialDelay));
        Positive(problems, Interval, nameof(Interval));
        Positive(problems, MinDelay, nameof(MinDelay));
        Positive(problems, Deadline, nameof(Deadline));
        Positive(problems, RequestTimeout, nameof(RequestTimeout));
        NotNegative(problems, RetryAfterFloor, nameof(RetryAfterFloor));
        AtMost(problems, InitialDelay, nameof(InitialDelay));
        AtMost(problems, MaxInterval, nameof(MaxInterval));
        AtMost(problems, RequestTimeout, nameof(RequestTimeout));
        AtMost(problems, RetryAfterCeiling, nameof(RetryAfterCeiling));
        if (MaxInterval < Interval)
        {
            problems.Add(new(nameof(MaxInterval), $"({MaxInterval}) is shorter than Interval ({Interval})."));
        }

        if (MinDelay > MaxInterval)
        {
            problems.Add(new(nameof(MinDelay), $"({MinDelay}) is longer than MaxInterval ({MaxInterval}): no delay could satisfy both."));
        }

        if (RetryAfterCeiling < RetryAfterFloor)
        {
            problems.Add(new(nameof(RetryAfterCeiling), $"({RetryAfterCeiling}) is shorter than RetryAfterFloor ({RetryAfterFloor})."));
        }

        if (!double.IsFinite(BackoffFactor) || BackoffFactor < 1)
        {
            problems.Add(new(nameof(BackoffFactor), $"must be a finite number of at least 1, not {BackoffFactor}."));
        }

        if (!double.IsFinite(AdaptiveDelayWeight) || AdaptiveDelayWeight is < 0.1 or > 100)
        {
            problems.Add(new(nameof(AdaptiveDelayWeight), $"must be a number from 0.1 to 100 (polls worth one second of delay), not {AdaptiveDelayWeight}."));
        }

        if (!Enum.IsDefined(Jitter))
        {
            problems.Add(new(nameof(Jitter), $"has the undefined value {(int)Jitter}."));
        }

        if (FixedInterval is { } fixedInterval)
        {
            Positive(problems, fixedInterval, nameof(FixedInterval));
            AtMost(problems, fixedInterval, nameof(FixedInterval));
        }

        return problems;
    }

    /// <summary>A copy, so that a running wait is not changed under it.</summary>
    internal PollingOptions Clone() => (PollingOptions)MemberwiseClone();

    private static void Positive(List<OptionProblem> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(new(name, $"must be positive, not {value}."));
        }
    }

    // A timer cannot wait longer; a longer setting would make a wait throw deep inside instead of here.
    private static void AtMost(List<OptionProblem> problems, TimeSpan value, string name)
    {
        if (value > MaxTimerDelay)
        {
            problems.Add(new(name, $"must be at most {MaxTimerDelay.TotalDays:0.#} days, not {value}."));
        }
    }

    private static void NotNegative(List<OptionProblem> problems, TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add(new(name, $"must not be negative, not {value}."));
        }
    }
}
