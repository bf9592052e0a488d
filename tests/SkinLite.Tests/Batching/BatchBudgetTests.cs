namespace SkinLite.Tests.Batching;

/// <summary>The batch's spending limits: a number of analyses, or credits learnt from the finished jobs.</summary>
public sealed class BatchBudgetTests
{
    [Fact]
    public async Task Without_limits_every_submit_is_allowed_at_once()
    {
        var budget = new BatchBudget(null, null);

        for (int i = 0; i < 100; i++)
        {
            Assert.True(await budget.ReserveAsync(CancellationToken.None));
        }

        Assert.Equal(100, budget.Analyses);
    }

    [Fact]
    public async Task MaxAnalyses_allows_that_many_submits_and_refuses_the_next()
    {
        var budget = new BatchBudget(3, null);

        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        Assert.False(await budget.ReserveAsync(CancellationToken.None));
        Assert.Equal(3, budget.Analyses);
    }

    [Fact]
    public async Task A_released_reservation_gives_its_place_back()
    {
        var budget = new BatchBudget(1, null);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));

        budget.Release();

        Assert.Equal(0, budget.Analyses);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_budget_of_zero_refuses_the_first_submit()
    {
        Assert.False(await new BatchBudget(0, null).ReserveAsync(CancellationToken.None));
        Assert.False(await new BatchBudget(null, 0).ReserveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_a_credit_limit_one_job_runs_at_a_time_until_the_cost_of_one_is_known()
    {
        var budget = new BatchBudget(null, 100);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));

        ValueTask<bool> second = budget.ReserveAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        budget.Finished(5);

        Assert.True(await second.AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(5, budget.Credits);
    }

    [Fact]
    public async Task Once_the_cost_is_known_as_many_jobs_run_as_the_credits_left_can_pay_for()
    {
        var budget = new BatchBudget(null, 20);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        budget.Finished(5);

        // 5 spent; each running job is expected to cost 5: three more fit (5 + 3 x 5 = 20), a fourth does not yet.
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        ValueTask<bool> fourth = budget.ReserveAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        budget.Finished(5);
        budget.Finished(5);
        budget.Finished(5);

        // 20 spent: the limit is reached.
        Assert.False(await fourth.AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(20, budget.Credits);
    }

    [Fact]
    public async Task The_credits_spent_never_pass_the_limit_when_the_next_job_would_not_fit()
    {
        var budget = new BatchBudget(null, 12);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        budget.Finished(5);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        ValueTask<bool> third = budget.ReserveAsync(CancellationToken.None);
        budget.Finished(5);

        Assert.False(await third.AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(10, budget.Credits);
        Assert.Equal(2, budget.Analyses);
    }

    [Fact]
    public async Task The_dearest_job_sets_the_expected_cost()
    {
        var budget = new BatchBudget(null, 30);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        budget.Finished(10);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        budget.Finished(2);

        // 12 spent, dearest 10: one running (22) fits, two (32) do not.
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        ValueTask<bool> next = budget.ReserveAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        budget.Abandoned();

        Assert.True(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_wait_for_the_budget_can_be_cancelled()
    {
        var budget = new BatchBudget(null, 100);
        Assert.True(await budget.ReserveAsync(CancellationToken.None));
        using var cancel = new CancellationTokenSource();

        ValueTask<bool> waiting = budget.ReserveAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask());
    }
}
