using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkinLite;

/// <summary>
/// The processing times a client has learned from the jobs it watched, and the poll plan made from them (see
/// <see cref="PollingOptions.Adaptive"/>). One per client, so per route family; thread-safe. It keeps the last
/// <see cref="Capacity"/> jobs only, so it follows a service whose pace changes and never grows.
/// </summary>
/// <remarks>
/// Only a wait that starts from a fresh submit teaches it: its times count from the submit's answer on the client's own
/// clock. Until <see cref="MinSamples"/> jobs are known, waits use the plain backoff. <see cref="Export"/> and
/// <see cref="Seed"/> carry the figures to another client or process, so a new one starts warm.
/// </remarks>
public sealed class ProcessingTimes
{
    /// <summary>How many recent jobs are kept (128): enough for the 99th percentile, few enough to re-learn within about a hundred jobs.</summary>
    public const int Capacity = 128;

    /// <summary>How many jobs are needed before a plan replaces the plain backoff (16).</summary>
    public const int MinSamples = 16;

    // How many of the last 16 learned jobs must have outlived their plan to call it a shift (at 1% each, by chance about
    // once in a million jobs).
    private const int ShiftSignal = 4;

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

    internal ProcessingTimes(PollingOptions options, SkinLiteApi api, ILogger? logger = null, double delayWeight = PollPlanner.DelayWeight)
    {
        _planner = new PollPlanner(options, delayWeight);
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
            if (Shifted(lo))
            {
                // The service slowed down: a job outliving the plan should happen to 1% of jobs, not to a quarter of
                // the last 16. Keep only the latest jobs, so the plan covers the new times now instead of after a
                // whole window of them, and the slow jobs stop paying for polls planned around the old ones.
                _count = Math.Min(_count, MinSamples);
                _outlived = 0;
            }

            Rebuild();
        }
    }

    private bool Shifted(double lower)
    {
        PollPlan? plan = _plan;
        bool outlived = plan is not null && lower >= plan.Offsets[^1].TotalSeconds;
        _outlived = (ushort)((_outlived << 1) | (outlived ? 1 : 0));
        return System.Numerics.BitOperations.PopCount(_outlived) >= ShiftSignal;
    }

    // Seconds back to the tick they came from, so that an export seeds the very same figures.
    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

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
