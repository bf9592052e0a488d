using System.Net;

namespace SkinLite.Tests.Polling;

public sealed class PollingFaultTests
{
    private static PollingOptions Steady() => new() { Jitter = PollingJitter.None, Interval = TimeSpan.FromSeconds(2), BackoffFactor = 1 };

    public static TheoryData<string> TransientFaults => new(Transient.Keys);

    private static readonly Dictionary<string, Func<Reply>> Transient = new()
    {
        ["500"] = () => Replies.Status(HttpStatusCode.InternalServerError, """{"message":"boom"}"""),
        ["502"] = () => Replies.Status(HttpStatusCode.BadGateway, "<html>bad gateway</html>"),
        ["503"] = () => Replies.Status(HttpStatusCode.ServiceUnavailable),
        ["408"] = () => Replies.Status(HttpStatusCode.RequestTimeout),
        ["429"] = () => Replies.Status(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}"""),
        ["connection refused"] = Replies.ConnectionRefused,
        ["connection dropped"] = Replies.ConnectionDropped,
        ["HttpClient.Timeout"] = Replies.TimedOutAfterSend,
        ["truncated body"] = Replies.Truncated,
        ["malformed body"] = Replies.Malformed,
        ["body breaks off"] = Replies.BodyBreaksOff,
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_transient_fault_while_polling_is_retried_inside_the_deadline(string fault)
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Transient[fault](), Transient[fault](), Replies.Succeeded(77));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded, outcome.ToString());
        Assert.Equal(77, outcome.Result.TotalSkinScore);
        Assert.Equal(4, harness.Handler.Polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), harness.Handler.Polls[2].At - harness.Handler.Polls[1].At);
    }

    [Fact]
    public async Task A_poll_that_gets_no_answer_is_cut_by_the_request_timeout_and_retried()
    {
        var polling = Steady();
        polling.RequestTimeout = TimeSpan.FromSeconds(15);
        using var harness = new WaitingHarness(polling);
        harness.Handler.OnPoll(Replies.Hang(harness.Clock), Replies.Hang(harness.Clock), Replies.Succeeded());

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded);
        // Each hung poll is abandoned after 15 s, then the next comes 2 s later.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(17), TimeSpan.FromSeconds(34)], harness.Handler.Polls.Select(p => p.At));
    }

    [Fact]
    public async Task A_late_tick_of_an_ended_polls_timeout_does_not_cut_the_next_poll()
    {
        using var harness = new WaitingHarness(Steady());
        Reply lateTickThenAnswer = (request, cancellationToken) =>
        {
            // The first poll's timeout fires only now, in the middle of the second poll, as under a starved thread pool.
            harness.Clock.TickLate(state => state is JobPoller);
            return cancellationToken.IsCancellationRequested
                ? Task.FromCanceled<HttpResponseMessage>(cancellationToken)
                : Replies.Succeeded()(request, cancellationToken);
        };
        harness.Handler.OnPoll(Replies.Pending(), lateTickThenAnswer, Replies.Succeeded());

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob()));

        Assert.True(outcome.IsSucceeded);
        Assert.Equal(2, harness.Handler.Polls.Count);
    }

    public static TheoryData<HttpStatusCode, Type> PermanentFaults => new()
    {
        { HttpStatusCode.Unauthorized, typeof(SkinLiteAuthenticationException) },
        { HttpStatusCode.Forbidden, typeof(SkinLiteAuthenticationException) },
        { HttpStatusCode.NotFound, typeof(SkinLiteNotFoundException) },
        { HttpStatusCode.BadRequest, typeof(SkinLiteApiException) },
    };

    [Theory]
    [MemberData(nameof(PermanentFaults))]
    public async Task A_permanent_fault_ends_the_wait_at_once_with_its_typed_exception(HttpStatusCode status, Type expected)
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Pending(), Replies.Status(status, """{"message":"no","errorCode":"JR-0001"}"""), Replies.Succeeded());

        Task<AnalysisOutcome> wait = harness.Client.WaitAsync(WaitingHarness.ResumedJob());
        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => harness.Clock.RunAsync(wait));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("JR-0001", error.ErrorCode);
        Assert.Equal(2, harness.Handler.Polls.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), harness.Clock.Now);
    }

    [Fact]
    public async Task An_answer_over_the_size_cap_is_not_retried()
    {
        using var harness = new WaitingHarness(Steady());
        harness.Handler.OnPoll(Replies.Json($$$"""{"status":"SUCCESS","output":{"pad":"{{{new string('x', 5 * 1024 * 1024)}}}"}}"""), Replies.Succeeded());

        await Assert.ThrowsAsync<SkinLiteProtocolException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Assert.Single(harness.Handler.Polls);
    }

    [Fact]
    public async Task Transient_faults_to_the_end_raise_the_timeout_carrying_the_last_fault()
    {
        var polling = Steady();
        polling.Deadline = TimeSpan.FromSeconds(60);
        using var harness = new WaitingHarness(polling);
        harness.Handler.OnPoll(Replies.Pending("PREPARING"), Replies.Status(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => harness.Clock.RunAsync(harness.Client.WaitAsync(WaitingHarness.ResumedJob())));

        Assert.Equal(JobStatus.Preparing, error.LastStatus);
        var inner = Assert.IsType<SkinLiteServerException>(error.InnerException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, inner.StatusCode);
        Assert.InRange(harness.Handler.Polls.Count, 29, 32);
        Assert.All(harness.Handler.Polls, p => Assert.True(p.At <= polling.Deadline, $"a poll at {p.At} is past the deadline"));
    }
}
