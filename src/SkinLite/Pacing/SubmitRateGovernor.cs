namespace SkinLite;

/// <summary>
/// Spaces a batch's submits to the pace the service allows, learnt from its refusals. It starts free (no pace). At each
/// throttle episode (<see cref="SubmitPace.Throttled"/>) it sets the pace a little under the rate the service accepted
/// since the previous episode; each accepted submit then raises the pace by a small fraction, so that the next refusal
/// comes only after many accepted submits. A batch then runs just under the service's rate with few 429s, instead of
/// bursting into a refusal, pausing, and bursting again.
/// </summary>
/// <remarks>
/// The pace is a token bucket of its own, holding up to one second of submits: after a pause, the submits the pace
/// would have allowed meanwhile go at once, as the service's own bucket has refilled too. A known cap
/// (<see cref="BatchOptions.MaxSubmitsPerSecond"/>) bounds it from the start. Times come from the client's clock.
/// </remarks>
internal sealed class SubmitRateGovernor
{
    /// <summary>How far under the measured accepted rate a refusal sets the pace.</summary>
    internal const double Decrease = 0.98;

    /// <summary>How much each accepted submit raises the pace at first: about 6 % over the first 60 accepted submits after a refusal, more the longer none comes.</summary>
    internal const double Increase = 0.001;

    /// <summary>The pace never drops below this share of the best rate the service has accepted over a <see cref="Span"/>.</summary>
    internal const double Floor = 0.85;

    // A measurement over fewer accepted submits than this says little; the pace is then set from the cap or left alone.
    private const int MinimumSample = 4;

    // The span over which the best accepted rate is measured: long enough that a burst into a full bucket counts little.
    private static readonly TimeSpan Span = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly double? _cap;
    private readonly Lock _lock = new();
    private double? _rate;
    private double _tokens;
    private long _refilled;
    private long _windowStart;
    private int _acceptedInWindow;
    private long _spanStart;
    private int _acceptedInSpan;
    private double _best;

    public SubmitRateGovernor(TimeProvider time, double? cap)
    {
        _time = time;
        _cap = cap;
        _rate = cap;
        _refilled = time.GetTimestamp();
        _windowStart = _refilled;
        _spanStart = _refilled;
        _tokens = 1;
    }

    /// <summary>The pace in submits per second; <see langword="null"/> while free.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock)
            {
                return _rate;
            }
        }
    }

    /// <summary>Waits until the pace allows one more submit, and takes it.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A submit was accepted: count it, and raise the pace a little.</summary>
    public void OnAccepted()
    {
        lock (_lock)
        {
            _acceptedInWindow++;
            _acceptedInSpan++;
            long now = _time.GetTimestamp();
            double spanSeconds = _time.GetElapsedTime(_spanStart, now).TotalSeconds;
            if (spanSeconds >= Span.TotalSeconds)
            {
                _best = Math.Max(_best, _acceptedInSpan / spanSeconds);
                _spanStart = now;
                _acceptedInSpan = 0;
            }

            if (_rate is { } rate)
            {
                // Faster the longer the service has taken everything: a pace set low (a measurement on a busy machine) is
                // not stuck there for hundreds of submits.
                _rate = Capped(rate * (1 + (Increase * (1 + (_acceptedInWindow / 100.0)))));
            }
        }
    }

    /// <summary>
    /// The service refused a submit for its pace: set the pace under what it accepted since the last refusal, but not
    /// under <see cref="Floor"/> of the best it has accepted over <see cref="Span"/>. 429s that come whatever the pace (a
    /// service shedding load at random) would otherwise lower it at every refusal, each window shortened by the pause that
    /// refusal caused, down to nothing: a soak with 7% of requests answered 429 crawled at under one submit a second.
    /// </summary>
    /// <param name="pause">How long the client pauses every submit (<see cref="SubmitPace"/>): no tokens accrue meanwhile.</param>
    public void OnThrottled(TimeSpan pause)
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            double seconds = now > _windowStart ? _time.GetElapsedTime(_windowStart, now).TotalSeconds : 0;

            if (_acceptedInWindow >= MinimumSample && seconds > 0)
            {
                double accepted = _acceptedInWindow / seconds;
                double basis = _rate is { } rate ? Math.Min(rate, accepted) : accepted;
                _rate = Capped(Math.Max(basis * Decrease, _best * Floor));
            }
            else if (_rate is { } rate)
            {
                _rate = Capped(Math.Max(rate * Decrease, _best * Floor));
            }

            // The service's bucket is empty, and the refused submit will be sent again (by the client's retry, which does not
            // pass here): it owes a token, or its retry plus a full bucket of ours overflows the service's bucket at once.
            // Nor may tokens pile up during the pause: submits let through meanwhile would wait at the client's gate and
            // leave together when it opens, a burst into a bucket that has only just refilled.
            _tokens = -1;
            _refilled = now + (long)(pause.TotalSeconds * _time.TimestampFrequency);
            // From refusal to refusal the service's bucket goes from empty to empty: what it accepted in between, over the
            // whole span (pause included, as its bucket refilled then), is its rate. From the pause's end it would count
            // the refilled bucket as pace.
            _windowStart = now;
            _acceptedInWindow = 0;
        }
    }

    private TimeSpan TryTake()
    {
        lock (_lock)
        {
            if (_rate is not { } rate)
            {
                return TimeSpan.Zero;
            }

            RefillLocked(_time.GetTimestamp());
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromSeconds((1 - _tokens) / rate);
        }
    }

    private void RefillLocked(long now)
    {
        if (now <= _refilled)
        {
            return;
        }

        if (_rate is { } rate)
        {
            _tokens = Math.Min(Math.Max(1, rate), _tokens + (_time.GetElapsedTime(_refilled, now).TotalSeconds * rate));
        }

        _refilled = now;
    }

    private double Capped(double rate) => _cap is { } cap && rate > cap ? cap : rate;
}
