using Microsoft.Extensions.Time.Testing;

namespace SkinLite.Tests.Pacing;

public sealed class SubmitPaceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SubmitPace NewPace(double floorSeconds = 1, double ceilingSeconds = 60) =>
        new(_clock, TimeSpan.FromSeconds(floorSeconds), TimeSpan.FromSeconds(ceilingSeconds));

    [Fact]
    public void An_open_gate_lets_a_submit_through_at_once()
    {
        SubmitPace pace = NewPace();

        ValueTask<long> pass = pace.WaitAsync(CancellationToken.None);

        Assert.True(pass.IsCompletedSuccessfully);
        Assert.Equal(0, Done(pass));
        Assert.Equal(TimeSpan.Zero, pace.Remaining);
    }

    [Fact]
    public async Task A_refusal_holds_the_gate_until_its_retry_after()
    {
        SubmitPace pace = NewPace();
        long ticket = await pace.WaitAsync(CancellationToken.None);

        TimeSpan pause = pace.OnThrottled(TimeSpan.FromSeconds(5), ticket, out bool news);
        Task<long> waiting = pace.WaitAsync(CancellationToken.None).AsTask();

        Assert.True(news);
        Assert.Equal(TimeSpan.FromSeconds(5), pause);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_longer_refusal_during_a_pause_moves_the_moment_for_those_already_waiting()
    {
        var clock = new TestClock();
        var pace = new SubmitPace(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        pace.OnThrottled(TimeSpan.FromSeconds(2), 0, out _);
        Task<long> waiting = pace.WaitAsync(CancellationToken.None).AsTask();

        // A request that was in flight before the pause comes back later, asking for a longer wait.
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
        pace.OnThrottled(TimeSpan.FromSeconds(10), 0, out bool news);
        Assert.False(news);

        await clock.RunAsync(waiting);

        Assert.Equal(TimeSpan.FromSeconds(11), clock.Now);
        Assert.Equal(1, pace.Episodes);
        Assert.Equal(0, clock.LiveTimers);
    }

    [Fact]
    public void A_shorter_refusal_never_shortens_a_pause()
    {
        SubmitPace pace = NewPace();
        pace.OnThrottled(TimeSpan.FromSeconds(30), 0, out _);

        TimeSpan left = pace.OnThrottled(TimeSpan.FromSeconds(1), 1, out bool news);

        Assert.True(news);
        Assert.Equal(TimeSpan.FromSeconds(30), left);
    }

    [Fact]
    public void Without_retry_after_the_pause_doubles_per_consecutive_episode_up_to_the_cap_and_an_acceptance_resets_it()
    {
        SubmitPace pace = NewPace();
        var pauses = new List<double>();
        for (long ticket = 0; ticket < 7; ticket++)
        {
            pauses.Add(pace.OnThrottled(null, ticket, out _).TotalSeconds);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        pace.OnAccepted();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], pauses);
        Assert.Equal(TimeSpan.FromSeconds(1), pace.OnThrottled(null, 7, out _));
    }

    [Fact]
    public void Retry_after_is_clamped_to_the_floor_and_ceiling()
    {
        SubmitPace pace = NewPace(floorSeconds: 2, ceilingSeconds: 20);

        Assert.Equal(TimeSpan.FromSeconds(2), pace.OnThrottled(TimeSpan.Zero, 0, out _));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(20), pace.OnThrottled(TimeSpan.FromHours(1), 1, out _));
    }

    [Fact]
    public void The_default_pause_respects_a_floor_above_one_second_and_a_ceiling_below_the_cap()
    {
        SubmitPace pace = NewPace(floorSeconds: 3, ceilingSeconds: 10);
        var pauses = new List<double>();
        for (long ticket = 0; ticket < 4; ticket++)
        {
            pauses.Add(pace.OnThrottled(null, ticket, out _).TotalSeconds);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([3, 6, 10, 10], pauses);
    }

    [Fact]
    public void Late_refusals_of_one_episode_raise_the_throttled_event_once()
    {
        SubmitPace pace = NewPace();
        var raised = new List<TimeSpan>();
        pace.Throttled += raised.Add;

        // Three requests passed the gate under episode 0; all three come back refused.
        pace.OnThrottled(TimeSpan.FromSeconds(5), 0, out bool first);
        pace.OnThrottled(TimeSpan.FromSeconds(5), 0, out bool second);
        pace.OnThrottled(null, 0, out bool third);

        Assert.Equal([true, false, false], [first, second, third]);
        Assert.Equal([TimeSpan.FromSeconds(5)], raised);
        Assert.Equal(TimeSpan.FromSeconds(5), pace.Remaining);
    }

    [Fact]
    public async Task Cancelling_a_wait_in_the_gate_throws_and_leaves_no_timer()
    {
        SubmitPace pace = NewPace();
        pace.OnThrottled(TimeSpan.FromSeconds(5), 0, out _);
        using var cancel = new CancellationTokenSource();
        Task<long> waiting = pace.WaitAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Passing_an_open_gate_allocates_nothing()
    {
        SubmitPace pace = NewPace();
        _ = Done(pace.WaitAsync(CancellationToken.None));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            _ = Done(pace.WaitAsync(CancellationToken.None));
            pace.OnAccepted();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The value of a wait that must already be over (an open gate), without blocking.</summary>
    private static T Done<T>(ValueTask<T> wait)
    {
        Assert.True(wait.IsCompletedSuccessfully, "the wait did not complete at once");
        return wait.GetAwaiter().GetResult();
    }
}
