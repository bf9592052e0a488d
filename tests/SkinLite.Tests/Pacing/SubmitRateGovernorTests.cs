using Microsoft.Extensions.Time.Testing;

namespace SkinLite.Tests.Pacing;

/// <summary>The learnt submit pace: free until throttled, then just under the rate the service accepted, rising slowly, within the cap.</summary>
public sealed class SubmitRateGovernorTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Without_a_cap_it_starts_free_and_lets_any_number_through_at_once()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);

        for (int i = 0; i < 1000; i++)
        {
            ValueTask wait = governor.WaitAsync(CancellationToken.None);
            Assert.True(wait.IsCompleted);
            await wait;
        }

        Assert.Null(governor.Rate);
    }

    [Fact]
    public void A_throttle_sets_the_pace_a_little_under_the_rate_the_service_accepted()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 20, every: TimeSpan.FromMilliseconds(100)); // 20 in 2 s: 10 per second

        governor.OnThrottled(Pause);

        Assert.Equal(10 * SubmitRateGovernor.Decrease, governor.Rate!.Value, precision: 6);
        Assert.True(governor.Rate < 10);
    }

    [Fact]
    public void A_throttle_after_too_few_accepted_submits_leaves_a_free_pace_free()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 3, every: TimeSpan.FromMilliseconds(100));

        governor.OnThrottled(Pause);

        Assert.Null(governor.Rate);
    }

    [Fact]
    public void A_throttle_never_raises_the_pace_above_the_one_it_had()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 20, every: TimeSpan.FromMilliseconds(100));
        governor.OnThrottled(Pause);
        double paced = governor.Rate!.Value;

        // Faster than the pace allows (a burst after a pause): the basis is the pace, not the measured rate.
        Accept(governor, count: 10, every: TimeSpan.FromMilliseconds(10));
        double raised = governor.Rate!.Value;
        governor.OnThrottled(Pause);

        Assert.Equal(raised * SubmitRateGovernor.Decrease, governor.Rate!.Value, precision: 6);
        Assert.True(governor.Rate < paced);
    }

    [Fact]
    public void A_throttle_with_too_few_accepted_since_the_last_one_lowers_the_pace_by_the_step()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 20, every: TimeSpan.FromMilliseconds(100));
        governor.OnThrottled(Pause);
        double paced = governor.Rate!.Value;

        governor.OnThrottled(Pause);

        Assert.Equal(paced * SubmitRateGovernor.Decrease, governor.Rate!.Value, precision: 6);
    }

    [Fact]
    public void Accepted_submits_raise_the_pace_slowly_at_first_then_faster_the_longer_none_is_refused()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 20, every: TimeSpan.FromMilliseconds(100));
        governor.OnThrottled(Pause);
        double paced = governor.Rate!.Value;

        Accept(governor, count: 60, every: TimeSpan.FromMilliseconds(100));
        double first = governor.Rate!.Value;
        Accept(governor, count: 60, every: TimeSpan.FromMilliseconds(100));
        double second = governor.Rate!.Value;

        // 0.1 % a submit, plus 0.1 % for every hundred accepted since the refusal: +8 % over the first 60, +12 % over the next.
        Assert.InRange(first / paced, 1.06, 1.10);
        Assert.InRange(second / first, 1.10, 1.15);
    }

    [Fact]
    public async Task A_throttle_lets_no_token_accrue_during_the_pause_and_the_refused_submit_owes_one()
    {
        var governor = new SubmitRateGovernor(_time, cap: 10);
        _time.Advance(TimeSpan.FromSeconds(5)); // a full bucket of ten
        governor.OnThrottled(Pause);

        Task next = governor.WaitAsync(CancellationToken.None).AsTask();
        _time.Advance(Pause);
        await Task.Delay(20);
        Assert.False(next.IsCompleted, "a token accrued during the pause, or the bucket's ten survived the refusal");
        _time.Advance(TimeSpan.FromMilliseconds(150));
        await Task.Delay(20);
        Assert.False(next.IsCompleted, "the refused submit's retry owed no token");
        _time.Advance(TimeSpan.FromMilliseconds(60));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_cap_bounds_the_pace_from_the_start_and_accepts_never_raise_it_past()
    {
        var governor = new SubmitRateGovernor(_time, cap: 5);
        Assert.Equal(5, governor.Rate);

        Accept(governor, count: 500, every: TimeSpan.FromMilliseconds(200));

        Assert.Equal(5, governor.Rate);
    }

    [Fact]
    public void A_throttle_under_a_cap_starts_from_the_lower_of_the_cap_and_the_accepted_rate()
    {
        var governor = new SubmitRateGovernor(_time, cap: 5);
        Accept(governor, count: 20, every: TimeSpan.FromMilliseconds(100)); // measured 10 per second, over the cap

        governor.OnThrottled(Pause);

        Assert.Equal(5 * SubmitRateGovernor.Decrease, governor.Rate!.Value, precision: 6);
    }

    [Fact]
    public void Refusals_that_come_whatever_the_pace_do_not_drive_it_below_a_share_of_the_best_rate_accepted()
    {
        var governor = new SubmitRateGovernor(_time, cap: null);
        Accept(governor, count: 200, every: TimeSpan.FromMilliseconds(50)); // 20 a second for 10 s: the best span

        // A 429 every 14 submits, each with a 1 s pause: every window holds 14 accepted and a second of silence.
        for (int episode = 0; episode < 200; episode++)
        {
            governor.OnThrottled(Pause);
            _time.Advance(Pause);
            double rate = governor.Rate!.Value;
            Accept(governor, count: 14, every: TimeSpan.FromSeconds(1 / rate));
        }

        Assert.InRange(governor.Rate!.Value, 20 * SubmitRateGovernor.Floor, 20 * SubmitRateGovernor.Floor * 1.2);
    }

    [Fact]
    public async Task A_pace_spaces_the_submits_on_the_clock()
    {
        var governor = new SubmitRateGovernor(_time, cap: 10);
        await governor.WaitAsync(CancellationToken.None);

        Task second = governor.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(90));
        await Task.Delay(20);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Task third = governor.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(20);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task After_a_pause_a_second_of_submits_goes_at_once_and_no_more()
    {
        var governor = new SubmitRateGovernor(_time, cap: 10);
        await governor.WaitAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));

        for (int i = 0; i < 10; i++)
        {
            Assert.True(governor.WaitAsync(CancellationToken.None).IsCompleted, $"submit {i} of the burst waited");
        }

        Task eleventh = governor.WaitAsync(CancellationToken.None).AsTask();
        await Task.Delay(20);
        Assert.False(eleventh.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await eleventh.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_wait_for_the_pace_can_be_cancelled()
    {
        var governor = new SubmitRateGovernor(_time, cap: 1);
        await governor.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        Task waiting = governor.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private void Accept(SubmitRateGovernor governor, int count, TimeSpan every)
    {
        for (int i = 0; i < count; i++)
        {
            _time.Advance(every);
            governor.OnAccepted();
        }
    }
}
