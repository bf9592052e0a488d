using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkinLite;

/// <summary>
/// The processing times a client has learned from the jobs it watched, and the poll plan made from them (see
/// <see cref="PollingOptions.Adaptive"/>). One per client, so per route family; thread-safe. It keeps the last
/// <see cref="Capacity"/> jobs only, so it follows a service whose pace changes and never grows.
/// </summary>
/// <remarks>
/// Only a wait on a handle this client's own submit returned teaches it: its times count from the submit's answer on the
/// client's own clock. Until <see cref="MinSamples"/> jobs are known, waits use the plain backoff. <see cref="Export"/> and
/// <see cref="Seed"/> carry the figures to another client or process, so a new one starts warm.
/// </remarks>
public sealed class ProcessingTimes
{
    /// <summary>How many recent jobs are kept (128): enough for the 99th percentile, few enough to re-learn within about a hundred jobs.</summary>
    public const int Capacity = 128;

    /// <summary>How many jobs are needed before a plan replaces the plain backoff (16).</summary>
    public const int MinSamples = 16;

    // How many of the last 16 learned jobs must have run past 1.5 times the learned 90th percentile to call it a shift.
    // By chance that happens to 0.2% of jobs (lognormal σ 0.25) or 2.5% (σ 0.6), so four in 16 comes about once in
    // 10^7 or 1,500 jobs, while a service three times slower trips it within about five jobs. The plan's own end is no
    // test: it covers the window's 99th percentile, which the first two slow jobs already move.
    private const int ShiftSignal = 4;
    private const double ShiftBeyond = 1.5;

    private readonly Lock _gate = new();
    private readonly double[] _lower = new double[Capacity];
    private readonly double[] _upper = new double[Capacity];
    private readonly PollPlanner _planner;
    private readonly ILogger _logger;
    private readonly string _api;
    private int _count;
    private int _head;
    // One bit per recent learned job, newest lowest: whether it outlived the plan it was polled on.
    private ushort _outlived;
    private PollPlan? _plan;

    internal ProcessingTimes(PollingOptions options, SkinLiteApi api, ILogger? logger = null)
    {
        _planner = new PollPlanner(options);
        _logger = logger ?? NullLogger.Instance;
        _api = api.ToString();
    }

    /// <summary>How many jobs the figures hold now (at most <see cref="Capacity"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The learned median processing time, once <see cref="MinSamples"/> jobs are known; otherwise null.</summary>
    public TimeSpan? Median => Plan?.Median;

    /// <summary>The learned 90th percentile of the processing time, once <see cref="MinSamples"/> jobs are known; otherwise null.</summary>
    public TimeSpan? Percentile90 => Plan?.P90;

    /// <summary>The current plan; null while too little is known. Read without a lock: plans are immutable.</summary>
    internal PollPlan? Plan => Volatile.Read(ref _plan);

    /// <summary>The intervals held, oldest first: a small, serialisable copy to <see cref="Seed"/> another client with.</summary>
    /// <returns>At most <see cref="Capacity"/> intervals.</returns>
    public ProcessingTimeInterval[] Export()
    {
        lock (_gate)
        {
            var intervals = new ProcessingTimeInterval[_count];
            int start = (_head - _count + Capacity) % Capacity;
            for (int i = 0; i < _count; i++)
            {
                int at = (start + i) % Capacity;
                intervals[i] = new(Ticks(_lower[at]), Ticks(_upper[at]));
            }

            return intervals;
        }
    }

    /// <summary>Adds intervals (from <see cref="Export"/>, or a batch's journal) as if these jobs had been watched, oldest first.</summary>
    /// <param name="intervals">Each with 0 &lt;= <see cref="ProcessingTimeInterval.Lower"/> &lt;= <see cref="ProcessingTimeInterval.Upper"/>, at most a day.</param>
    /// <exception cref="ArgumentException">An interval is out of range; none was added.</exception>
    public void Seed(IEnumerable<ProcessingTimeInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ProcessingTimeInterval[] all = [.. intervals];
        foreach (ProcessingTimeInterval interval in all)
        {
            if (interval.Lower < TimeSpan.Zero || interval.Upper < interval.Lower || interval.Upper > TimeSpan.FromDays(1))
            {
                throw new ArgumentException($"The interval ({interval.Lower}, {interval.Upper}] is out of range: 0 <= lower <= upper <= 1 day.", nameof(intervals));
            }
        }

        lock (_gate)
        {
            foreach (ProcessingTimeInterval interval in all)
            {
                Add(interval.Lower.TotalSeconds, interval.Upper.TotalSeconds);
            }

            Rebuild();
        }
    }

    /// <summary>Forgets everything learned: waits use the plain backoff until <see cref="MinSamples"/> jobs are known again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _count = 0;
            _head = 0;
            _outlived = 0;
            Volatile.Write(ref _plan, null);
        }
    }

    /// <summary>Learns one job that ended in (<paramref name="lower"/>, <paramref name="upper"/>] after its submit's answer.</summary>
    internal void Observe(TimeSpan lower, TimeSpan upper)
    {
        double lo = Math.Max(0, lower.TotalSeconds);
        double hi = Math.Max(lo, upper.TotalSeconds);
        Telemetry.RecordProcessingTime(_api, (lo + hi) / 2);
        lock (_gate)
        {
            Add(lo, hi);
            if (Shifted(lo) is int keep)
            {
                // The service slowed down. Keep only the jobs since the first that outlived its plan (the new pace), so
                // that waits go back to the plain backoff until MinSamples jobs of it are known: the jobs of the shift
                // then poll as the plain backoff would, and the next plan is made from the new times alone.
                KeepLatest(keep);
                _outlived = 0;
            }

            Rebuild();
        }
    }

    // Null while the pace holds; on a shift, how many of the latest jobs are of the new pace.
    private int? Shifted(double lower)
    {
        PollPlan? plan = _plan;
        bool outlived = plan is not null && lower >= plan.P90.TotalSeconds * ShiftBeyond;
        _outlived = (ushort)((_outlived << 1) | (outlived ? 1 : 0));
        return System.Numerics.BitOperations.PopCount(_outlived) >= ShiftSignal
            ? 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)_outlived)
            : null;
    }

    // Seconds back to the tick they came from, so that an export seeds the very same figures.
    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    // Moves the latest jobs to the front of the ring: the planner reads the first Count entries, in any order.
    private void KeepLatest(int keep)
    {
        keep = Math.Min(keep, _count);
        Span<double> lower = stackalloc double[keep];
        Span<double> upper = stackalloc double[keep];
        for (int i = 0; i < keep; i++)
        {
            int at = (_head - keep + i + Capacity) % Capacity;
            (lower[i], upper[i]) = (_lower[at], _upper[at]);
        }

        lower.CopyTo(_lower);
        upper.CopyTo(_upper);
        _count = keep;
        _head = keep % Capacity;
    }

    private void Add(double lower, double upper)
    {
        _lower[_head] = lower;
        _upper[_head] = upper;
        _head = (_head + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    // Under the lock. The ring's order does not matter to the planner: it sees the window as a set.
    private void Rebuild()
    {
        if (_count < MinSamples)
        {
            Volatile.Write(ref _plan, null);
            return;
        }

        PollPlan plan = _planner.Build(_lower.AsSpan(0, _count), _upper.AsSpan(0, _count));
        Volatile.Write(ref _plan, plan);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.PlanLearned(_logger, _api, plan.Samples, plan.Median.TotalMilliseconds, plan.P90.TotalMilliseconds, plan.Offsets.Length, plan.ExpectedPolls, plan.ExpectedDelaySeconds * 1000);
        }
    }
}
