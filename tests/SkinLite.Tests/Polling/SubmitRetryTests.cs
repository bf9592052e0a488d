using System.Net;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Polling;

public sealed class SubmitRetryTests
{
    private static readonly byte[] Png = TestPng.Create();

    public static TheoryData<string> MayHaveReachedTheServer => new(AfterSend.Keys);

    private static readonly Dictionary<string, Func<Reply>> AfterSend = new()
    {
        ["500"] = () => Replies.Status(HttpStatusCode.InternalServerError),
        ["502"] = () => Replies.Status(HttpStatusCode.BadGateway),
        ["503 without Retry-After"] = () => Replies.Status(HttpStatusCode.ServiceUnavailable),
        ["504"] = () => Replies.Status(HttpStatusCode.GatewayTimeout),
        ["timeout after send"] = Replies.TimedOutAfterSend,
        ["connection dropped after send"] = Replies.ConnectionDropped,
        ["malformed answer"] = Replies.Malformed,
    };

    [Theory]
    [MemberData(nameof(MayHaveReachedTheServer))]
    public async Task A_submit_that_may_have_reached_the_server_is_never_sent_again(string fault)
    {
        using var harness = new WaitingHarness(submitRetries: 10);
        harness.Handler.OnSubmit(AfterSend[fault](), Replies.Accepted());

        var error = await Assert.ThrowsAnyAsync<SkinLiteException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Single(harness.Handler.Submits);
        Assert.Equal(0, harness.Clock.LiveTimers);
        Assert.True(error.JobMayExist, $"{fault}: the error does not say the job may exist");
        Assert.Contains("may be billed", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int> ProvesNothingWasCreated => new()
    {
        { "429 with Retry-After: 7", 7 },
        { "429 without Retry-After", 1 },
        { "503 with Retry-After: 5", 5 },
        { "503 with Retry-After: 3600 (clamped)", 60 },
    };

    [Theory]
    [MemberData(nameof(ProvesNothingWasCreated))]
    public async Task A_refusal_that_proves_no_job_was_created_is_retried_after_the_wait_it_asked_for(string fault, int expectedDelaySeconds)
    {
        using var harness = new WaitingHarness();
        Reply refusal = fault switch
        {
            "429 with Retry-After: 7" => Replies.Status(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", ("Retry-After", "7")),
            "429 without Retry-After" => Replies.Status(HttpStatusCode.TooManyRequests),
            "503 with Retry-After: 5" => Replies.Status(HttpStatusCode.ServiceUnavailable, "", ("Retry-After", "5")),
            _ => Replies.Status(HttpStatusCode.ServiceUnavailable, "", ("Retry-After", "3600")),
        };
        harness.Handler.OnSubmit(refusal, Replies.Accepted());

        SkinAnalysisJob job = await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png"));

        Assert.Equal(Replies.PredictionId, job.PredictionId);
        AssertSameImageEachAttempt(harness, attempts: 2);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(expectedDelaySeconds)], harness.Handler.Submits.Select(s => s.At));
    }

    [Fact]
    public async Task Retries_of_429_stop_at_the_configured_count_and_say_no_job_was_created()
    {
        using var harness = new WaitingHarness(submitRetries: 2);
        harness.Handler.OnSubmit(Replies.Status(HttpStatusCode.TooManyRequests, "", ("Retry-After", "1")));

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Equal(3, harness.Handler.Submits.Count);
        Assert.False(error.JobMayExist);
        Assert.DoesNotContain("billed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_refusal_that_would_be_refused_again_is_not_retried_and_created_no_job(HttpStatusCode status)
    {
        using var harness = new WaitingHarness(submitRetries: 5);
        harness.Handler.OnSubmit(Replies.Status(status), Replies.Accepted());

        var error = await Assert.ThrowsAnyAsync<SkinLiteApiException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Single(harness.Handler.Submits);
        Assert.False(error.JobMayExist);
    }

    [Fact]
    public async Task A_submit_whose_answer_never_completes_ends_at_the_submit_timeout_and_is_not_sent_again()
    {
        using var harness = new WaitingHarness(submitRetries: 5);
        harness.Options.SubmitTimeout = TimeSpan.FromSeconds(20);
        var client = new SkinLiteClient(harness.Http, harness.Options, harness.Clock, null);
        harness.Handler.OnSubmit(Replies.Hang(harness.Clock), Replies.Accepted());

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Clock.RunAsync(client.SubmitAsync(Png, "face.png")));

        Assert.True(error.IsTimeout);
        Assert.True(error.JobMayExist);
        Assert.Contains("SubmitTimeout", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Submits);
        Assert.Equal(TimeSpan.FromSeconds(20), harness.Clock.Now);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_the_same_image_bytes_from_memory()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.ConnectionRefused(), Replies.Accepted());

        SkinAnalysisJob job = await harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png"));

        Assert.Equal(Replies.PredictionId, job.PredictionId);
        AssertSameImageEachAttempt(harness, attempts: 3);
        // Backs off 1 s, then 2 s, on the injected clock.
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], harness.Handler.Submits.Select(s => s.At));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_a_seekable_stream_rewound_to_where_it_started()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.Accepted());
        using var stream = new MemoryStream([0xAA, 0xBB, 0xCC, .. Png]);
        stream.Position = 3;

        await harness.Clock.RunAsync(harness.Client.SubmitAsync(stream, "face.png"));

        AssertSameImageEachAttempt(harness, attempts: 2);
        Assert.All(harness.Handler.Submits, s => Assert.True(s.Body.AsSpan().IndexOf((byte[])[0xAA, 0xBB, 0xCC, .. Png]) < 0, "the bytes before the start position were sent"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_a_file_reopened()
    {
        string path = Path.Combine(Path.GetTempPath(), $"skinlite-submit-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, Png);
        try
        {
            using var harness = new WaitingHarness();
            harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.ConnectionRefused(), Replies.Accepted());

            await harness.Clock.RunAsync(harness.Client.SubmitAsync(path));

            AssertSameImageEachAttempt(harness, attempts: 3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_sent_once_only()
    {
        using var harness = new WaitingHarness(submitRetries: 5);
        harness.Handler.OnSubmit(Replies.ConnectionRefused(), Replies.Accepted());
        using var stream = new ForwardOnlyStream(Png);

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(stream, "face.png")));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.Single(harness.Handler.Submits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Connect_retries_stop_at_the_configured_count(int retries)
    {
        using var harness = new WaitingHarness(submitRetries: retries);
        harness.Handler.OnSubmit(Replies.ConnectionRefused());

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => harness.Clock.RunAsync(harness.Client.SubmitAsync(Png, "face.png")));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.Equal(retries + 1, harness.Handler.Submits.Count);
    }

    [Fact]
    public async Task Cancelling_between_connect_retries_ends_the_submit()
    {
        using var harness = new WaitingHarness(submitRetries: 5);
        harness.Handler.OnSubmit(Replies.ConnectionRefused());
        using var cancel = new CancellationTokenSource();

        Task<SkinAnalysisJob> submit = harness.Client.SubmitAsync(Png, "face.png", cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => harness.Clock.ArmedDelays == 1, TimeSpan.FromSeconds(30)), "the retry delay never started");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submit.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(harness.Handler.Submits);
        Assert.Equal(0, harness.Clock.LiveTimers);
    }

    [Fact]
    public async Task An_already_cancelled_submit_sends_nothing()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Accepted());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.SubmitAsync(Png, "face.png", new CancellationToken(true)));

        Assert.Empty(harness.Handler.Seen);
    }

    [Fact]
    public async Task A_really_refused_connection_on_loopback_is_retried()
    {
        // A port that was just free and is closed now: the kernel refuses the connection before a byte is sent.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var clock = new TestClock();
        using var http = new HttpClient();
        var client = new SkinLiteClient(http, new SkinLiteClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), AppId = "app", Credential = WaitingHarness.Credential, SubmitRetries = 1 }, clock, null);

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => clock.RunAsync(client.SubmitAsync(Png, "face.png")));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.False(error.JobMayExist);
        // Two attempts, each with its time limit, and the one retry delay between them.
        Assert.Equal(3, clock.TimersCreated);
    }

    private static void AssertSameImageEachAttempt(WaitingHarness harness, int attempts)
    {
        Assert.Equal(attempts, harness.Handler.Submits.Count);
        Assert.All(harness.Handler.Submits, s =>
        {
            int at = s.Body.AsSpan().IndexOf(Png);
            Assert.True(at >= 0, "an attempt did not carry the whole image");
            Assert.Contains("name=\"input.image\"", System.Text.Encoding.ASCII.GetString(s.Body, 0, at), StringComparison.Ordinal);
        });
    }
}
