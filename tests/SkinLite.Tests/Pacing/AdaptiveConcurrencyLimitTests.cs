namespace SkinLite.Tests.Pacing;

public sealed class AdaptiveConcurrencyLimitTests
{
    [Fact]
    public void A_throttle_halves_the_limit_and_never_goes_below_the_minimum()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 16, minimum: 3, maximum: 32);

        limit.OnThrottled();
        Assert.Equal(8, limit.Limit);
        limit.OnThrottled();
        Assert.Equal(4, limit.Limit);
        limit.OnThrottled();
        Assert.Equal(3, limit.Limit);
        limit.OnThrottled();
        Assert.Equal(3, limit.Limit);
    }

    [Fact]
    public void An_odd_limit_is_halved_down()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 9, minimum: 1, maximum: 9);

        limit.OnThrottled();

        Assert.Equal(4, limit.Limit);
    }

    [Fact]
    public void The_limit_grows_by_one_after_as_many_successes_in_a_row_as_the_limit()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, minimum: 1, maximum: 10);

        for (int i = 0; i < 3; i++)
        {
            limit.OnSuccess();
        }

        Assert.Equal(4, limit.Limit);
        limit.OnSuccess();
        Assert.Equal(5, limit.Limit);

        for (int i = 0; i < 4; i++)
        {
            limit.OnSuccess();
        }

        Assert.Equal(5, limit.Limit);
        limit.OnSuccess();
        Assert.Equal(6, limit.Limit);
    }

    [Fact]
    public void A_throttle_restarts_the_run_of_successes()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 8, minimum: 1, maximum: 10);
        for (int i = 0; i < 3; i++)
        {
            limit.OnSuccess();
        }

        limit.OnThrottled();
        Assert.Equal(4, limit.Limit);
        for (int i = 0; i < 3; i++)
        {
            limit.OnSuccess();
        }

        Assert.Equal(4, limit.Limit);
        limit.OnSuccess();
        Assert.Equal(5, limit.Limit);
    }

    [Fact]
    public void The_limit_never_grows_above_the_maximum()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 2, minimum: 1, maximum: 3);

        for (int i = 0; i < 100; i++)
        {
            limit.OnSuccess();
        }

        Assert.Equal(3, limit.Limit);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 2, 1)]
    [InlineData(5, 2, 4)]
    [InlineData(1, 1, 0)]
    public void Inconsistent_bounds_are_refused(int initial, int minimum, int maximum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveConcurrencyLimit(initial, minimum, maximum));
    }

    [Fact]
    public async Task Leases_up_to_the_limit_are_granted_at_once_and_the_next_waits_for_one_to_come_back()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 2, minimum: 1, maximum: 4);

        ValueTask<AdaptiveConcurrencyLimit.Lease> first = limit.WaitAsync(CancellationToken.None);
        ValueTask<AdaptiveConcurrencyLimit.Lease> second = limit.WaitAsync(CancellationToken.None);
        ValueTask<AdaptiveConcurrencyLimit.Lease> third = limit.WaitAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        Assert.Equal((2, 1), (limit.InUse, limit.Waiting));

        Done(first).Dispose();
        using AdaptiveConcurrencyLimit.Lease granted = await third.AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((2, 0), (limit.InUse, limit.Waiting));
        Done(second).Dispose();
    }

    [Fact]
    public async Task Leases_out_when_the_limit_drops_stay_out_and_the_lower_limit_holds_as_they_come_back()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, minimum: 1, maximum: 4);
        AdaptiveConcurrencyLimit.Lease[] leases = [.. await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => limit.WaitAsync(CancellationToken.None).AsTask()))];
        Task<AdaptiveConcurrencyLimit.Lease> waiter = limit.WaitAsync(CancellationToken.None).AsTask();

        limit.OnThrottled();
        leases[0].Dispose();
        leases[1].Dispose();
        Assert.False(waiter.IsCompleted);
        Assert.Equal(2, limit.InUse);

        leases[2].Dispose();
        (await waiter.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        leases[3].Dispose();
        Assert.Equal(0, limit.InUse);
    }

    [Fact]
    public async Task Waiters_are_released_in_the_order_they_came_as_the_limit_grows()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 1, minimum: 1, maximum: 4);
        AdaptiveConcurrencyLimit.Lease held = await limit.WaitAsync(CancellationToken.None);
        Task<AdaptiveConcurrencyLimit.Lease>[] waiters = [.. Enumerable.Range(0, 3).Select(_ => limit.WaitAsync(CancellationToken.None).AsTask())];

        limit.OnSuccess(); // 1 success at limit 1: the limit becomes 2
        await waiters[0].WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(waiters[1].IsCompleted);
        Assert.False(waiters[2].IsCompleted);

        limit.OnSuccess();
        Assert.False(waiters[1].IsCompleted);
        limit.OnSuccess(); // 2 successes at limit 2: the limit becomes 3
        await waiters[1].WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(waiters[2].IsCompleted);
        Assert.Equal((3, 3, 1), (limit.Limit, limit.InUse, limit.Waiting));

        held.Dispose();
        await waiters[2].WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((3, 0), (limit.InUse, limit.Waiting));
    }

    [Fact]
    public async Task A_cancelled_waiter_throws_takes_no_lease_and_frees_nothing()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 1, minimum: 1, maximum: 2);
        AdaptiveConcurrencyLimit.Lease held = await limit.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<AdaptiveConcurrencyLimit.Lease> cancelled = limit.WaitAsync(cancel.Token).AsTask();
        Task<AdaptiveConcurrencyLimit.Lease> behind = limit.WaitAsync(CancellationToken.None).AsTask();

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal((1, 1), (limit.InUse, limit.Waiting));
        Assert.False(behind.IsCompleted);

        held.Dispose();
        (await behind.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal((0, 0), (limit.InUse, limit.Waiting));
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_even_when_a_lease_is_free()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 1, minimum: 1, maximum: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limit.WaitAsync(new CancellationToken(true)).AsTask());

        Assert.Equal(0, limit.InUse);
    }

    [Fact]
    public async Task Cancelling_after_the_lease_was_granted_changes_nothing()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 1, minimum: 1, maximum: 1);
        AdaptiveConcurrencyLimit.Lease held = await limit.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<AdaptiveConcurrencyLimit.Lease> waiter = limit.WaitAsync(cancel.Token).AsTask();

        held.Dispose();
        AdaptiveConcurrencyLimit.Lease granted = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        Assert.Equal(1, limit.InUse);
        granted.Dispose();
        Assert.Equal(0, limit.InUse);
    }

    [Fact]
    public async Task Many_callers_at_once_never_hold_more_leases_than_the_limit()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 8, minimum: 2, maximum: 8);
        int inside = 0;
        int most = 0;

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            for (int round = 0; round < 50; round++)
            {
                using AdaptiveConcurrencyLimit.Lease lease = await limit.WaitAsync(CancellationToken.None);
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                if ((i + round) % 17 == 0)
                {
                    limit.OnThrottled();
                }
                else
                {
                    limit.OnSuccess();
                }
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.InRange(most, 1, 8);
        Assert.Equal((0, 0), (limit.InUse, limit.Waiting));
    }

    [Fact]
    public void Taking_a_free_lease_allocates_nothing()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, minimum: 1, maximum: 4);
        for (int i = 0; i < 10; i++)
        {
            Done(limit.WaitAsync(CancellationToken.None)).Dispose();
            limit.OnSuccess();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Done(limit.WaitAsync(CancellationToken.None)).Dispose();
            limit.OnSuccess();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>The value of a wait that must already be over (a free lease), without blocking.</summary>
    private static T Done<T>(ValueTask<T> wait)
    {
        Assert.True(wait.IsCompletedSuccessfully, "the wait did not complete at once");
        return wait.GetAwaiter().GetResult();
    }
}
