using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Polling;

/// <summary>One pace for the whole client: a refusal seen by one submit holds every submit of the client (docs/polling.md).</summary>
public sealed class ClientWideSubmitPaceTests
{
    private static readonly byte[] Png = TestPng.Create();

    [Fact]
    public async Task A_submit_started_after_another_was_told_to_wait_does_not_send_before_that_moment()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "5")), Replies.Accepted());

        Task<SkinAnalysisJob> first = harness.Client.SubmitAsync(Png, "first.png");
        WaitForDelays(harness.Clock, 1);
        harness.Clock.Fake.Advance(TimeSpan.FromSeconds(2));
        Task<SkinAnalysisJob> second = harness.Client.SubmitAsync(Png, "second.png");
        WaitForDelays(harness.Clock, 2);

        Assert.Single(harness.Handler.Submits);
        await DriveAsync(harness.Clock, first, second);

        // The first at 0 s; after the pause both go, at 5 s and not before.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], harness.Handler.Submits.Select(s => s.At));
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task Waiting_in_the_gate_spends_no_retry()
    {
        // No retries at all: the refused submit fails at once, but the one started during the pause still goes, after it.
        using var harness = new WaitingHarness(submitRetries: 0);
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "5")), Replies.Accepted());

        var refused = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => harness.Client.SubmitAsync(Png, "first.png"));
        SkinAnalysisJob job = await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "second.png"));

        Assert.False(refused.JobMayExist);
        Assert.Equal(Replies.PredictionId, job.PredictionId);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5)], harness.Handler.Submits.Select(s => s.At));
    }

    [Fact]
    public async Task Cancelling_a_submit_waiting_in_the_pause_throws_and_sends_nothing()
    {
        using var harness = new WaitingHarness(submitRetries: 0);
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "5")), Replies.Accepted());
        await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => harness.Client.SubmitAsync(Png, "first.png"));
        using var cancel = new CancellationTokenSource();

        Task<SkinAnalysisJob> waiting = harness.Client.SubmitAsync(Png, "second.png", cancel.Token);
        WaitForDelays(harness.Clock, 1);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Single(harness.Handler.Submits);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task A_429_on_a_poll_does_not_hold_submits()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnPoll(Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "30")));
        harness.Handler.OnSubmit(Replies.Accepted());

        await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => harness.Client.GetOutcomeAsync(WaitingHarness.SubmittedJob()));
        // Nothing moves the clock: a submit held by the poll's 429 would never end.
        await harness.Client.SubmitAsync(Png, "face.png").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.Zero, Assert.Single(harness.Handler.Submits).At);
    }

    [Fact]
    public async Task Without_retry_after_consecutive_refusals_pause_longer_and_an_accepted_submit_resets_the_pause()
    {
        using var harness = new WaitingHarness(submitRetries: 3);
        Reply tooMany = Replies.Status(HttpStatusCode.TooManyRequests);
        harness.Handler.OnSubmit(tooMany, tooMany, tooMany, Replies.Accepted(), tooMany, Replies.Accepted());

        await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "a.png"));
        TimeSpan afterFirst = harness.Clock.Now;
        await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "b.png"));

        // 1 s, 2 s, 4 s; then, after an accepted submit, 1 s again.
        Assert.Equal([0, 1, 3, 7, 7, 8], harness.Handler.Submits.Select(s => s.At.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(7), afterFirst);
    }

    [Fact]
    public async Task A_refusal_of_a_request_sent_before_the_pause_began_is_not_charged_to_its_submit()
    {
        // One retry each. a and b are in flight together; a's 429 begins the pause, b's arrives after it: the same news,
        // late. b is then refused once more on its own, and still has its one retry for that.
        var clock = new TestClock();
        var handler = new PerImageHandler(clock);
        var heldA = new TaskCompletionSource();
        var heldB = new TaskCompletionSource();
        handler.Script("a.png", Held(heldA, TooMany(5)), Replies.Accepted());
        handler.Script("b.png", Held(heldB, TooMany(5)), AfterSecondSubmitOfA(handler, TooMany(5)), Replies.Accepted());
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new SkinLiteClient(http, Options(submitRetries: 1), clock, null);
        var pauses = new List<TimeSpan>();
        client.SubmitPace.Throttled += pauses.Add;

        Task<SkinAnalysisJob> a = client.SubmitAsync(Png, "a.png");
        Task<SkinAnalysisJob> b = client.SubmitAsync(Png, "b.png");
        Assert.True(SpinWait.SpinUntil(() => handler.Sent.Count == 2, TimeSpan.FromSeconds(30)), "both submits should be in flight");
        heldA.SetResult();
        WaitForDelays(clock, 1);
        heldB.SetResult();
        WaitForDelays(clock, 2);
        await DriveAsync(clock, a, b);

        Assert.Equal([0, 5], handler.Times("a.png"));
        Assert.Equal([0, 5, 10], handler.Times("b.png"));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], pauses);
        Assert.Equal(2, client.SubmitPace.Episodes);
    }

    [Fact]
    public async Task A_late_refusal_gives_no_retry_to_a_submit_allowed_none()
    {
        // Late refusals are not charged, but they are bounded by the same count: with none allowed, none is free.
        var clock = new TestClock();
        var handler = new PerImageHandler(clock);
        var heldB = new TaskCompletionSource();
        handler.Script("a.png", TooMany(5));
        handler.Script("b.png", Held(heldB, TooMany(5)));
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new SkinLiteClient(http, Options(submitRetries: 0), clock, null);

        Task<SkinAnalysisJob> b = client.SubmitAsync(Png, "b.png");
        Assert.True(SpinWait.SpinUntil(() => handler.Sent.Count == 1, TimeSpan.FromSeconds(30)), "b should be in flight");
        await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => client.SubmitAsync(Png, "a.png"));
        heldB.SetResult();

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => b.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(error.JobMayExist);
        Assert.Equal([0], handler.Times("b.png"));
    }

    [Fact]
    public async Task A_503_with_retry_after_holds_the_other_submits_too()
    {
        using var harness = new WaitingHarness(submitRetries: 0);
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.ServiceUnavailable, "", ("Retry-After", "3")), Replies.Accepted());

        await Assert.ThrowsAsync<SkinLiteServerException>(() => harness.Client.SubmitAsync(Png, "first.png"));
        await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "second.png"));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3)], harness.Handler.Submits.Select(s => s.At));
    }

    [Fact]
    public async Task A_connection_that_was_never_made_holds_no_other_submit()
    {
        using var harness = new WaitingHarness(submitRetries: 0);
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.Accepted());

        await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Client.SubmitAsync(Png, "first.png"));
        await harness.Client.SubmitAsync(Png, "second.png").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, harness.Client.SubmitPace.Episodes);
        Assert.Equal(2, harness.Handler.Submits.Count);
    }

    [Fact]
    public async Task A_submit_that_may_have_created_a_job_is_still_never_sent_again_and_holds_nobody()
    {
        using var harness = new WaitingHarness(submitRetries: 5);
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.InternalServerError), Replies.Accepted());

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "first.png")));

        Assert.True(error.JobMayExist);
        Assert.Single(harness.Handler.Submits);
        Assert.Equal(TimeSpan.Zero, harness.Client.SubmitPace.Remaining);
    }

    private static Reply TooMany(int seconds) =>
        Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Reply Held(TaskCompletionSource release, Reply then) =>
        async (request, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await then(request, cancellationToken).ConfigureAwait(false);
        };

    /// <summary>Answers only once a's retry has been sent, so that b's second refusal cannot hold a's retry back.</summary>
    private static Reply AfterSecondSubmitOfA(PerImageHandler handler, Reply then) =>
        async (request, cancellationToken) =>
        {
            while (handler.Times("a.png").Length < 2)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return await then(request, cancellationToken).ConfigureAwait(false);
        };

    private static SkinLiteClientOptions Options(int submitRetries) => new()
    {
        BaseAddress = new Uri("https://api.example.test/service/private/misc/v2.0"),
        AppId = WaitingHarness.AppId,
        Credential = WaitingHarness.Credential,
        SubmitRetries = submitRetries,
    };

    private static void WaitForDelays(TestClock clock, int count) =>
        Assert.True(SpinWait.SpinUntil(() => clock.ArmedDelays == count, TimeSpan.FromSeconds(30)), $"expected {count} armed delays, saw {clock.ArmedDelays}");

    private static Task DriveAsync(TestClock clock, params Task[] flows) =>
        clock.DriveAsync(Task.WhenAll(flows), () => flows.Count(f => !f.IsCompleted), TimeSpan.Zero, 1000);

    /// <summary>A fake service that answers each submit by the file name it declares, each name with its own script.</summary>
    private sealed class PerImageHandler(TimeProvider clock) : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Reply> _last = new(StringComparer.Ordinal);
        private readonly long _started = clock.GetTimestamp();

        public ConcurrentQueue<(string Name, TimeSpan At)> Sent { get; } = new();

        public void Script(string name, params Reply[] replies) => _scripts[name] = new ConcurrentQueue<Reply>(replies);

        public double[] Times(string name) => [.. Sent.Where(s => s.Name == name).Select(s => s.At.TotalSeconds)];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            string text = Encoding.ASCII.GetString(body);
            string name = _scripts.Keys.Single(n => text.Contains($"filename=\"{n}\"", StringComparison.Ordinal));
            Sent.Enqueue((name, clock.GetElapsedTime(_started)));
            Reply reply = _scripts[name].TryDequeue(out Reply? next) ? _last[name] = next : _last[name];
            HttpResponseMessage response = await reply(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= request;
            return response;
        }
    }
}
