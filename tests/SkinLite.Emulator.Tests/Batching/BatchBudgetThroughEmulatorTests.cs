using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>The batch's budget against the emulator: exactly the analyses allowed, and never more credits than allowed.</summary>
public sealed class BatchBudgetThroughEmulatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MaxAnalyses_makes_exactly_that_many_submits_and_yields_the_rest_as_not_submitted_for_the_budget()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 12, out _);
        var settings = Emulated.Instant();
        // Answers that take a little while keep submits queued for a slot when the budget runs out: they must still go.
        settings.Latency = TimeSpan.FromMilliseconds(30);
        using var emulator = new SkinAnalysisEmulator(settings);
        SkinLiteClient client = Emulated.Client(emulator);

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { MaxAnalyses = 4, MaxConcurrentSubmits = 4, Polling = BatchRuns.FastPolling() });

        Assert.Equal(12, results.Count);
        Assert.Equal(4, emulator.Stats.AcceptedSubmits);
        Assert.Equal(4, results.Count(r => r.Status == BatchItemStatus.Succeeded && r.Submitted));
        Assert.Equal(8, results.Count(r => r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Budget && !r.Submitted));
    }

    [Theory]
    [InlineData(12, 2)]
    [InlineData(15, 3)]
    [InlineData(19, 3)]
    public async Task MaxCredits_is_never_passed(int maxCredits, int analyses)
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 8, out _);
        var settings = Emulated.Instant();
        settings.CreditsPerAnalysis = 5;
        using var emulator = new SkinAnalysisEmulator(settings);
        SkinLiteClient client = Emulated.Client(emulator);

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { MaxCredits = maxCredits, MaxConcurrentSubmits = 4, Polling = BatchRuns.FastPolling() });

        int spent = results.Sum(r => r.ConsumedCredits ?? 0);
        Assert.Equal(analyses, emulator.Stats.AcceptedSubmits);
        Assert.Equal(analyses * 5, spent);
        Assert.True(spent <= maxCredits, $"{spent} credits spent under a limit of {maxCredits}");
        Assert.All(results.Where(r => r.Status == BatchItemStatus.Succeeded), r => Assert.Equal(5, r.ConsumedCredits));
        Assert.Equal(8 - analyses, results.Count(r => r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Budget));
    }

    [Fact]
    public async Task Under_a_credit_limit_below_the_cost_of_one_job_the_first_job_still_runs_because_its_cost_is_unknown_until_it_ends()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 3, out _);
        var settings = Emulated.Instant();
        settings.CreditsPerAnalysis = 5;
        using var emulator = new SkinAnalysisEmulator(settings);
        SkinLiteClient client = Emulated.Client(emulator);

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { MaxCredits = 4, Polling = BatchRuns.FastPolling() });

        Assert.Equal(1, emulator.Stats.AcceptedSubmits);
        Assert.Equal(5, results.Sum(r => r.ConsumedCredits ?? 0));
        Assert.Equal(2, results.Count(r => r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Budget));
    }
}
