namespace SkinLite;

/// <summary>The delays of one wait: backoff with jitter, the server's clamped <c>Retry-After</c>, never past the deadline.</summary>
internal struct PollingSchedule
{
    private readonly PollingOptions _options;
    // Null draws from Random.Shared; the polling simulator passes a seeded one so that its runs repeat.
    private readonly Random? _random;
    private int _polls;
    private TimeSpan _previous;

    public PollingSchedule(PollingOptions options)
        : this(options, options.Interval, null)
    {
    }

    /// <summary>A backoff that starts as if its last delay had been <paramref name="previous"/>.</summary>
    /// <remarks>
    /// A job that outlives its learned plan falls back to this backoff: it resumes where a job of that age would be
    /// under the plain schedule (gaps of seconds), not at <see cref="PollingOptions.Interval"/>, which would add a burst
    /// of short polls to every job of a service that suddenly became slower.
    /// </remarks>
    public PollingSchedule(PollingOptions options, TimeSpan previous, Random? random)
    {
        _options = options;
        _previous = previous < options.Interval ? options.Interval : previous > options.MaxInterval ? options.MaxInterval : previous;
        _random = random;
    }

    /// <summary>The delay before the next poll.</summary>
    /// <param name="retryAfter">What the last answer asked for, if anything.</param>
    /// <param name="throttled">Whether the last answer was a 429, whose <c>Retry-After</c> always counts.</param>
    public TimeSpan Next(TimeSpan? retryAfter, bool throttled)
    {
        TimeSpan computed = _options.FixedInterval ?? Backoff();
        _polls++;
        if (retryAfter is not { } asked || (_options.FixedInterval is not null && !throttled))
        {
            return computed;
        }

        // The floor of every delay applies too: a zero floor and "Retry-After: 0" must not spin the loop.
        TimeSpan clamped = Max(Clamp(asked, _options.RetryAfterFloor, _options.RetryAfterCeiling), _options.MinDelay);
        return throttled ? Max(clamped, computed) : clamped;
    }

    private TimeSpan Backoff()
    {
        TimeSpan cap = _options.MaxInterval;
        TimeSpan delay = _options.Jitter switch
        {
            PollingJitter.None => Exponential(),
            PollingJitter.Full => Uniform(_options.MinDelay, Exponential()),
            _ => Uniform(_options.Interval, TimeSpan.FromTicks((long)Math.Min(_previous.Ticks * 3.0, cap.Ticks))),
        };
        delay = Clamp(delay, _options.MinDelay, cap);
        _previous = delay;
        return delay;
    }

    private readonly TimeSpan Exponential()
    {
        double ticks = _options.Interval.Ticks * Math.Pow(_options.BackoffFactor, Math.Min(_polls, 64));
        return TimeSpan.FromTicks((long)Math.Min(ticks, _options.MaxInterval.Ticks));
    }

    private readonly TimeSpan Uniform(TimeSpan low, TimeSpan high) =>
        high <= low ? low : TimeSpan.FromTicks(low.Ticks + (_random ?? Random.Shared).NextInt64(high.Ticks - low.Ticks + 1));

    private static TimeSpan Clamp(TimeSpan value, TimeSpan low, TimeSpan high) => value < low ? low : value > high ? high : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
