namespace SkinLite;

/// <summary>
/// One pace for all the submits of a client: when the service refuses a submit and says (or implies) "come back
/// later" (a 429, or a 503 with <c>Retry-After</c>), every submit of the client - those about to start and those waiting
/// to retry - waits until that moment before sending. Polls do not pass through it.
/// </summary>
/// <remarks>
/// <para>
/// Refusals are grouped into <em>episodes</em>. A submit takes a ticket (the current episode) as it passes the gate; a
/// refusal of a request sent under the current episode is news: it starts a new episode, sets the pause and is raised
/// through <see cref="Throttled"/>. A refusal of a request that was already in flight when another submit's refusal
/// started a new episode is the same news late: it can only lengthen the pause to its own <c>Retry-After</c>, and the
/// channel does not charge it to that submit's retry budget (it was sent before anyone knew).
/// </para>
/// <para>
/// The pause is the refusal's <c>Retry-After</c>, clamped to [floor, ceiling]; without one, 1 s (or the floor if that is
/// longer), doubling with each consecutive episode, at most <see cref="DefaultPauseCap"/> (or the ceiling if that is
/// shorter). An accepted submit ends the run of episodes. Every wait is a <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>
/// on the client's clock, so it honours cancellation and a fake clock drives it.
/// </para>
/// </remarks>
internal sealed class SubmitPace
{
    /// <summary>The longest pause a refusal without <c>Retry-After</c> can cause.</summary>
    public static readonly TimeSpan DefaultPauseCap = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DefaultPauseBase = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _floor;
    private readonly TimeSpan _ceiling;
    private readonly Lock _lock = new();
    private long _resumeAt;
    private bool _paused;
    private long _episode;
    private int _streak;

    public SubmitPace(TimeProvider time, TimeSpan retryAfterFloor, TimeSpan retryAfterCeiling)
    {
        _time = time;
        _floor = retryAfterFloor;
        _ceiling = retryAfterCeiling;
    }

    /// <summary>
    /// Raised once per episode, when a refusal starts a new pause, with its length. For a caller that adapts to the
    /// service's pace (the batch's concurrency limit); a handler runs on the submit's thread and must not throw.
    /// </summary>
    public event Action<TimeSpan>? Throttled;

    /// <summary>How many pauses have begun (episodes).</summary>
    public long Episodes
    {
        get
        {
            lock (_lock)
            {
                return _episode;
            }
        }
    }

    /// <summary>How long submits must still wait; zero when the gate is open.</summary>
    public TimeSpan Remaining
    {
        get
        {
            lock (_lock)
            {
                return RemainingLocked();
            }
        }
    }

    /// <summary>Waits until the gate is open, and returns the ticket (the episode) to give <see cref="OnThrottled"/>.</summary>
    /// <remarks>Completes at once, allocating nothing, when the gate is open.</remarks>
    public ValueTask<long> WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan left;
        lock (_lock)
        {
            left = RemainingLocked();
            if (left <= TimeSpan.Zero)
            {
                return new ValueTask<long>(_episode);
            }
        }

        return WaitLongerAsync(left, cancellationToken);
    }

    private async ValueTask<long> WaitLongerAsync(TimeSpan left, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Another refusal may push the moment further while this one waits: look again after each delay.
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                left = RemainingLocked();
                if (left <= TimeSpan.Zero)
                {
                    return _episode;
                }
            }
        }
    }

    /// <summary>
    /// Records a refusal that asks submits to come back later, and returns how long the gate now stays closed.
    /// </summary>
    /// <param name="retryAfter">The refusal's <c>Retry-After</c>, if it had one (unclamped).</param>
    /// <param name="ticket">What <see cref="WaitAsync"/> returned before the refused request was sent.</param>
    /// <param name="news">Whether this refusal began a new episode (else another submit's refusal already had).</param>
    public TimeSpan OnThrottled(TimeSpan? retryAfter, long ticket, out bool news)
    {
        TimeSpan pause;
        TimeSpan left;
        lock (_lock)
        {
            news = ticket == _episode;
            if (news)
            {
                _episode++;
                _streak = Math.Min(_streak + 1, 31);
                pause = retryAfter is { } asked ? Clamp(asked) : DefaultPause(_streak);
            }
            else
            {
                pause = retryAfter is { } asked ? Clamp(asked) : TimeSpan.Zero;
            }

            long until = _time.GetTimestamp() + (long)((Int128)pause.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);
            if (!_paused || until > _resumeAt)
            {
                _resumeAt = until;
                _paused = true;
            }

            left = RemainingLocked();
        }

        if (news)
        {
            Throttled?.Invoke(pause);
        }

        return left;
    }

    /// <summary>A submit was accepted: the run of consecutive episodes ends, so the next default pause is short again.</summary>
    public void OnAccepted()
    {
        lock (_lock)
        {
            _streak = 0;
        }
    }

    private TimeSpan RemainingLocked()
    {
        if (!_paused)
        {
            return TimeSpan.Zero;
        }

        TimeSpan left = _time.GetElapsedTime(_time.GetTimestamp(), _resumeAt);
        if (left <= TimeSpan.Zero)
        {
            _paused = false;
            return TimeSpan.Zero;
        }

        return left;
    }

    private TimeSpan DefaultPause(int streak)
    {
        TimeSpan first = DefaultPauseBase > _floor ? DefaultPauseBase : _floor;
        TimeSpan cap = DefaultPauseCap < _ceiling ? DefaultPauseCap : _ceiling;
        if (cap < first)
        {
            cap = first;
        }

        double seconds = first.TotalSeconds * Math.Pow(2, streak - 1);
        return seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);
    }

    private TimeSpan Clamp(TimeSpan retryAfter) =>
        retryAfter < _floor ? _floor : retryAfter > _ceiling ? _ceiling : retryAfter;
}
