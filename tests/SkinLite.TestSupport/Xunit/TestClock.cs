using Microsoft.Extensions.Time.Testing;

namespace SkinLite.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows its timers: which are alive (none may be left behind by a finished
/// wait) and when the next one is due, so a test can jump straight to it instead of guessing a step. It fails a run
/// through xUnit's asserts and tells delays from other timers by a type name, so it is compiled into the test projects
/// that link it, never into the AOT-clean SkinLite.TestSupport library.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    /// <summary>How long a test waits, in real time, for the flows to come to rest before it calls the run stuck.</summary>
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(30);

    private readonly HashSet<TrackedTimer> _live = [];

    // Held while time moves and while a timer is armed: a timer armed during a jump would otherwise record a due time
    // from before the jump while its inner timer counts from after it, and the run would wait forever for a due time
    // already past.
    private readonly Lock _timeGate = new();
    private int _hanging;
    private int _armedDelays;

    public TestClock() => Fake = new FakeTimeProvider(Start);

    public FakeTimeProvider Fake { get; }

    public DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int TimersCreated { get; private set; }

    public int LiveTimers
    {
        get
        {
            lock (_live)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>Fake time since the clock was made.</summary>
    public TimeSpan Now => Fake.GetUtcNow() - Start;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay passes its promise as the state: that is how a flow's own delay is told from timeouts and test timers.
        var timer = new TrackedTimer(this, isDelay: state?.GetType().Name.Contains("DelayPromise", StringComparison.Ordinal) == true);
        lock (_live)
        {
            TimersCreated++;
            _live.Add(timer);
        }

        timer.Start(callback, state, dueTime, period);
        return timer;
    }

    /// <summary>When the earliest armed timer is due, if any is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_live)
            {
                DateTimeOffset? next = null;
                foreach (TrackedTimer timer in _live)
                {
                    if (timer.Due is { } due && (next is null || due < next))
                    {
                        next = due;
                    }
                }

                return next;
            }
        }
    }

    /// <summary>Delays (<c>Task.Delay</c>) armed now: each waiting flow that is not in a request has exactly one.</summary>
    public int ArmedDelays
    {
        get
        {
            lock (_live)
            {
                return _armedDelays;
            }
        }
    }

    /// <summary>Requests the fake service holds on purpose (a reply that never answers calls <see cref="EnterHang"/>).</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public void EnterHang() => Interlocked.Increment(ref _hanging);

    public void ExitHang() => Interlocked.Decrement(ref _hanging);

    /// <summary>
    /// Runs <paramref name="task"/> to its end, jumping from timer to timer. Continuations of fired timers run on the
    /// thread pool, so before each jump the flow must be at rest: waiting on a delay or held in a hung request.
    /// Jumping earlier would fire a request's timeout while the request is still being answered.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, int maxSteps = 10_000)
    {
        await DriveAsync(task, () => task.IsCompleted ? 0 : 1, TimeSpan.Zero, maxSteps);
        return await task;
    }

    public Task RunAsync(Task task, int maxSteps = 10_000) => DriveAsync(task, () => task.IsCompleted ? 0 : 1, TimeSpan.Zero, maxSteps);

    /// <summary>Drives many flows at once; each jump is at least <paramref name="minStep"/>, so that thousands of timers fire in batches.</summary>
    public async Task DriveAsync(Task all, Func<int> runningFlows, TimeSpan minStep, int maxSteps)
    {
        for (int step = 0; step < maxSteps && !all.IsCompleted; step++)
        {
            bool atRest = SpinWait.SpinUntil(
                () => all.IsCompleted || (ArmedDelays + Hanging >= runningFlows() && NextDue is not null),
                QuietLimit);
            if (!atRest)
            {
                Assert.Fail($"The flows did not come to rest after {Now} of fake time ({ArmedDelays} delays armed, {Hanging} requests held, {runningFlows()} flows running).");
            }

            lock (_timeGate)
            {
                if (!all.IsCompleted && NextDue is { } due)
                {
                    TimeSpan jump = due - GetUtcNow();
                    Fake.Advance(jump > minStep ? jump : minStep);
                }
            }
        }

        Assert.True(all.IsCompleted, $"The flows did not end within {maxSteps} jumps ({Now} of fake time).");
        await all;
    }

    /// <summary>
    /// Runs the callbacks of the live timers <paramref name="which"/> picks, now, whether or not they are due: a tick
    /// that a busy thread pool delivered late, after the thing it timed had already ended.
    /// </summary>
    public void TickLate(Func<object?, bool> which)
    {
        TrackedTimer[] picked;
        lock (_live)
        {
            picked = [.. _live.Where(t => which(t.State))];
        }

        foreach (TrackedTimer timer in picked)
        {
            timer.Callback?.Invoke(timer.State);
        }
    }

    private void Remove(TrackedTimer timer)
    {
        lock (_live)
        {
            if (_live.Remove(timer))
            {
                timer.SetDue(null);
            }
        }
    }

    private sealed class TrackedTimer(TestClock clock, bool isDelay) : ITimer
    {
        private ITimer? _inner;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due { get; private set; }

        public bool IsDelay => isDelay;

        public TimerCallback? Callback { get; private set; }

        public object? State { get; private set; }

        public void Start(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Callback = callback;
            State = state;
            lock (clock._timeGate)
            {
                Arm(dueTime, period);
                _inner = CreateInner(callback, state, dueTime, period);
            }
        }

        private ITimer CreateInner(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.Fake.CreateTimer(
                s =>
                {
                    lock (clock._live)
                    {
                        SetDue(_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period);
                    }

                    callback(s);
                },
                state,
                dueTime,
                period);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._timeGate)
            {
                Arm(dueTime, period);
                return _inner!.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            clock.Remove(this);
            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._live)
            {
                _period = period;
                SetDue(dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
            }
        }

        /// <summary>Sets when the timer is due, keeping the count of armed delays; called under the clock's lock.</summary>
        public void SetDue(DateTimeOffset? due)
        {
            if (isDelay && (Due is null) != (due is null))
            {
                clock._armedDelays += due is null ? -1 : 1;
            }

            Due = due;
        }
    }
}
