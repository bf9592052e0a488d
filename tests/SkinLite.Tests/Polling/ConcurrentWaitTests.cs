using System.Collections.Concurrent;

namespace SkinLite.Tests.Polling;

public sealed class ConcurrentWaitTests
{
    private const int Jobs = 2_000;

    [Fact]
    public async Task Thousands_of_waits_on_one_client_all_end_and_leave_no_timer_behind()
    {
        using var harness = new WaitingHarness();
        var polls = new ConcurrentDictionary<string, int>();
        harness.Handler.PollRouter = (request, cancellationToken) =>
        {
            string id = request.RequestUri!.Segments[^1];
            int number = int.Parse(id.AsSpan(id.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);
            int poll = polls.AddOrUpdate(id, 1, (_, n) => n + 1);
            // Job n answers PROCESSING n % 5 times, fails its n % 7 == 0 first poll with a 503, then succeeds with score n % 100.
            if (poll == 1 && number % 7 == 0)
            {
                return Replies.Status(System.Net.HttpStatusCode.ServiceUnavailable)(request, cancellationToken);
            }

            return poll <= number % 5 + 1 ? Replies.Pending()(request, cancellationToken) : Replies.Succeeded(number % 100)(request, cancellationToken);
        };

        Task<AnalysisOutcome>[] waits = [.. Enumerable.Range(0, Jobs).Select(n => harness.Client.WaitAsync(WaitingHarness.SubmittedJob($"pred-{n}")))];
        Task all = Task.WhenAll(waits);
        await harness.Clock.DriveAsync(all, () => waits.Count(w => !w.IsCompleted), TimeSpan.FromMilliseconds(250), maxSteps: 5_000);

        for (int n = 0; n < Jobs; n++)
        {
            Assert.Equal(n % 100, (await waits[n]).Result.TotalSkinScore);
        }

        Assert.Equal(Jobs, polls.Count);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task Cancelling_many_waits_at_once_ends_them_all_and_leaves_no_timer_behind()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Pending());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30), harness.Clock);

        Task<AnalysisOutcome>[] waits = [.. Enumerable.Range(0, 500).Select(n => harness.Client.WaitAsync(WaitingHarness.SubmittedJob($"pred-{n}"), cancellationToken: cancel.Token))];
        Task all = Task.WhenAll(waits);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.DriveAsync(all, () => waits.Count(w => !w.IsCompleted), TimeSpan.FromMilliseconds(250), maxSteps: 5_000));

        Assert.All(waits, w => Assert.True(w.IsCanceled, $"a wait ended {w.Status}"));
        cancel.Dispose();
        Assert.Equal(0, harness.Clock.LiveTimers);
    }
}
