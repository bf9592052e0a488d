namespace SkinLite;

/// <summary>
/// The delays of one wait: the learned plan's poll times while the job is within them, then (or without a plan) the
/// plain backoff of <see cref="PollingSchedule"/>. Never shorter than <see cref="PollingOptions.MinDelay"/>, inside the
/// plan never longer than <see cref="PollingOptions.MaxInterval"/> unless a clamped <c>Retry-After</c> asks for more,
/// never earlier than that <c>Retry-After</c> allows, and faults still back off. A value type with no allocation per poll.
/// </summary>
internal struct AdaptiveSchedule
{
    // How far a plan time may move, as a share of its gap (half of it either way).
    // A fifth costs about 0.05 s of median delay in the simulator and spreads jobs submitted in one burst over 0.2 s and more.
    private const double JitterShare = 0.2;

    private readonly PollingOptions _options;
    private readonly TimeSpan[]? _plan;
    private readonly Random? _random;
    private PollingSchedule _backoff;
    private int _next;
    private bool _fellBack;

    /// <param name="options">The wait's settings.</param>
    /// <param name="plan">The learned plan, or null for the plain backoff (no plan yet, adaptive off, a resumed handle).</param>
    /// <param name="random">Null draws from <see cref="Random.Shared"/>; the simulator passes a seeded one.</param>
    public AdaptiveSchedule(PollingOptions options, PollPlan? plan, Random? random = null)
    {
        _options = options;
        _random = random;
        _plan = plan is { Offsets.Length: > 0 } && options.FixedInterval is null ? plan.Offsets : null;
        _backoff = new PollingSchedule(options, options.Interval, random);
        _fellBack = _plan is null;
    }

    /// <summary>Whether the plan has been left (or there was none): the job outlived the learned range.</summary>
    public readonly bool FellBack => _fellBack;

    /// <summary>The delay before the first poll of a fresh job: the plan's first time still ahead, else <see cref="PollingOptions.InitialDelay"/>.</summary>
    /// <param name="age">The job's age as the wait starts (a caller may wait on a job some time after submitting it).</param>
    public TimeSpan First(TimeSpan age)
    {
        if (_plan is null)
        {
            return _options.InitialDelay;
        }

        // The next call then looks from the plan time after this one. A wait started past the plan (on a job submitted
        // long before) falls back, but polls within InitialDelay: such a job has most likely ended.
        _next = 0;
        TimeSpan first = Next(age, null, throttled: false, fault: false);
        return _fellBack && first > _options.InitialDelay ? Max(_options.InitialDelay, _options.MinDelay) : first;
    }

    /// <summary>The delay before the next poll.</summary>
    /// <param name="elapsed">The time since the submit's answer (when the wait started), now.</param>
    /// <param name="retryAfter">What the last answer asked for, if anything.</param>
    /// <param name="throttled">Whether the last answer was a 429, whose <c>Retry-After</c> always counts.</param>
    /// <param name="fault">Whether the last poll failed (a fault backs off even inside the plan).</param>
    public TimeSpan Next(TimeSpan elapsed, TimeSpan? retryAfter, bool throttled, bool fault)
    {
        if (!_fellBack)
        {
            TimeSpan[] plan = _plan!;
            // Plan times already passed (a slow answer, a Retry-After) are skipped, not caught up in a burst.
            while (_next < plan.Length && plan[_next] < elapsed + _options.MinDelay)
            {
                _next++;
            }

            if (_next < plan.Length)
            {
                // Each plan time is used once: a jittered one that came early must not be polled again.
                // The jitter may not stretch a gap past MaxInterval: a job ending early is still seen within it.
                TimeSpan gap = Clamp(Jittered(_next++) - elapsed, _options.MinDelay, _options.MaxInterval);
                if (fault)
                {
                    gap = Max(gap, _backoff.Next(retryAfter, throttled));
                }
                else if (retryAfter is { } asked)
                {
                    gap = Max(gap, Max(Clamp(asked, _options.RetryAfterFloor, _options.RetryAfterCeiling), _options.MinDelay));
                }

                return gap;
            }

            // Outlived the learned range: back off from where a job of this age would be under the plain schedule.
            _fellBack = true;
            _backoff = new PollingSchedule(_options, elapsed / 3, _random);
        }

        return _backoff.Next(retryAfter, throttled);
    }

    // A plan time moved by up to a tenth of its gap either way. Jobs submitted together then do not poll in step, and
    // the learned intervals do not all share the plan's edges, which would leave the estimate blind inside each gap.
    private readonly TimeSpan Jittered(int index)
    {
        TimeSpan at = _plan![index];
        TimeSpan gap = index == 0 ? at : at - _plan[index - 1];
        double shift = ((_random ?? Random.Shared).NextDouble() - 0.5) * JitterShare;
        return at + (gap * shift);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan low, TimeSpan high) => value < low ? low : value > high ? high : value;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
