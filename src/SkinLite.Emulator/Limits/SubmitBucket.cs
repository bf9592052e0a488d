namespace SkinLite.Emulator;

/// <summary>
/// The token bucket of <see cref="EmulatorOptions.SubmitRate"/>: it holds at most the rate per second rounded up (at
/// least one) tokens, starts full, refills continuously at the rate, and every submit takes one token. Times are
/// timestamps of the emulator's <see cref="TimeProvider"/>, so a fake clock drives it. Not thread-safe: used under the
/// emulator's lock.
/// </summary>
internal sealed class SubmitBucket
{
    // A bucket refilled for exactly the wait it announced must let the submit in, whatever the rounding of the sum.
    private const double Slack = 1e-9;

    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _burst;
    private double _tokens;
    private long _last;

    public SubmitBucket(double submitsPerSecond, TimeProvider time)
    {
        _time = time;
        _rate = submitsPerSecond;
        _burst = BurstOf(submitsPerSecond);
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>How many submits may arrive at once after a quiet spell: the rate per second rounded up, at least one.</summary>
    public static int BurstOf(double submitsPerSecond) => (int)Math.Max(1, Math.Ceiling(submitsPerSecond - Slack));

    /// <summary>Takes a token if there is one; otherwise says when there will be one, in whole seconds (at least 1), for <c>Retry-After</c>.</summary>
    public bool TryTake(out long retryAfterSeconds)
    {
        long now = _time.GetTimestamp();
        double elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_burst, _tokens + (elapsed * _rate));
            _last = now;
        }

        if (_tokens >= 1 - Slack)
        {
            _tokens = Math.Max(0, _tokens - 1);
            retryAfterSeconds = 0;
            return true;
        }

        double wait = (1 - _tokens) / _rate;
        retryAfterSeconds = (long)Math.Max(1, Math.Ceiling(wait - Slack));
        return false;
    }
}
