using Microsoft.Extensions.Time.Testing;

namespace SkinLite.Tests.Waiting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows its timers: which are alive (none may be left behind by a finished
/// wait) and when the next one is due, so a test can jump straight to it instead of guessing a step.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    /// <summary>How long a test waits for real asynchronous work to arm the next timer before it calls the run stuck.</summary>
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(30);

    private readonly HashSet<TrackedTimer> _live = [];

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

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
        var timer = new TrackedTimer(this);
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

    /// <summary>
    /// Runs <paramref name="task"/> to its end by jumping to each next timer in turn; when none is armed yet, waits
    /// (in real time, bounded) for the code under test to arm one. Fails after <paramref name="maxSteps"/> jumps.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, int maxSteps = 10_000)
    {
        await RunAsync((Task)task, maxSteps);
        return await task;
    }

    public async Task RunAsync(Task task, int maxSteps = 10_000)
    {
        for (int step = 0; step < maxSteps && !task.IsCompleted; step++)
        {
            if (!SpinWait.SpinUntil(() => task.IsCompleted || NextDue is not null, QuietLimit))
            {
                Assert.Fail($"Nothing is pending after {Now} of fake time, yet the task has not ended.");
            }

            if (NextDue is { } due && !task.IsCompleted)
            {
                Fake.Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
            }
        }

        Assert.True(task.IsCompleted, $"The task did not end within {maxSteps} timer steps ({Now} of fake time).");
        await task;
    }

    /// <summary>Advances in fixed steps until the task ends; for many waits at once, where jumping timer by timer would take long.</summary>
    public async Task StepUntilAsync(Task task, TimeSpan step, int maxSteps)
    {
        for (int i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            Fake.Advance(step);
            await Task.Yield();
        }

        Assert.True(task.IsCompleted, $"The task did not end within {maxSteps} steps of {step} ({Now} of fake time).");
        await task;
    }

    private void Remove(TrackedTimer timer)
    {
        lock (_live)
        {
            _live.Remove(timer);
        }
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private ITimer? _inner;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due { get; private set; }

        public void Start(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            _inner = clock.Fake.CreateTimer(
                s =>
                {
                    lock (clock._live)
                    {
                        Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period;
                    }

                    callback(s);
                },
                state,
                dueTime,
                period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return _inner!.Change(dueTime, period);
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
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            }
        }
    }
}
