using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>EmulatorOptions.SubmitRate (429 + Retry-After, a token bucket on the emulator's clock) and EmulatorOptions.Quota (the service's 403 JR-1000).</summary>
public class EmulatorLimitTests
{
    private static readonly Uri Origin = new("https://emulator.skinlite.invalid");

    /// <summary>The service's documented quota answer (docs api-contract: the 403 JR-1000), plus the emulator's mark.</summary>
    private const string UsageLimitBody = """{"message":"Usage Limit Exceeded","status":403,"errorCode":"JR-1000","exception":"UsageBlockedError","emulated":true}""";

    [Fact]
    public async Task Beyond_the_rate_a_submit_gets_429_with_Retry_After_and_is_taken_again_after_the_wait()
    {
        var time = new FakeTimeProvider();
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 2 }, time);
        using var http = new HttpClient(emulator.CreateHandler());
        byte[] face = Emulated.Face();

        // A burst of two (the rate per second), then the bucket is empty.
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        using HttpResponseMessage limited = await RawSubmit.SendAsync(http, Origin, face);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(["1"], limited.Headers.GetValues("Retry-After"));
        using (JsonDocument body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()))
        {
            Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("EMU-429", body.RootElement.GetProperty("errorCode").GetString());
            Assert.Equal("TooManyRequestsError", body.RootElement.GetProperty("exception").GetString());
            Assert.Contains("SubmitRate", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // No job, no submit counted.
        Assert.Equal(2, emulator.JobCount);
        Assert.Equal(2, emulator.Stats.AcceptedSubmits);
        Assert.Equal(2, emulator.Stats.SubmitsOf(face));
        Assert.Equal(1, emulator.Stats.RateLimited);

        // Half a second refills one token at 2/s.
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RawSubmit.SendAsync(http, Origin, face)).StatusCode);

        EmulatorStats stats = emulator.Stats;
        Assert.Equal(5, stats.AcceptedSubmits);
        Assert.Equal(3, stats.RateLimited);
        Assert.Equal(5, emulator.JobCount);
    }

    [Fact]
    public async Task A_slow_rate_asks_for_the_whole_wait_in_whole_seconds()
    {
        var time = new FakeTimeProvider();
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 1.0 / 60 }, time);
        using var http = new HttpClient(emulator.CreateHandler());

        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        Assert.Equal(["60"], (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).Headers.GetValues("Retry-After"));
        time.Advance(TimeSpan.FromSeconds(29.5));
        Assert.Equal(["31"], (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).Headers.GetValues("Retry-After"));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["1"], (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).Headers.GetValues("Retry-After"));
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1, 1)]
    [InlineData(2.5, 3)]
    [InlineData(5, 5)]
    public async Task The_burst_is_the_rate_per_second_rounded_up_and_at_least_one(double rate, int burst)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = rate }, new FakeTimeProvider());
        using var http = new HttpClient(emulator.CreateHandler());

        for (int i = 0; i < burst; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_reaches_the_client_as_a_rate_limit_error_that_proves_no_job()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 1 }, new FakeTimeProvider());
        SkinLiteClient client = Emulated.Client(emulator);
        await client.SubmitAsync(Emulated.Face());

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => client.SubmitAsync(Emulated.Face()));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.False(error.JobMayExist);
        Assert.Equal(1, emulator.JobCount);
    }

    [Fact]
    public async Task Polls_are_not_rate_limited()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 1 }, new FakeTimeProvider());
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        for (int i = 0; i < 5; i++)
        {
            Assert.True((await client.GetOutcomeAsync(job)).IsSucceeded);
        }

        Assert.Equal(5, emulator.Stats.Polls);
        Assert.Equal(0, emulator.Stats.RateLimited);
    }

    [Fact]
    public async Task Once_the_quota_is_used_up_submits_get_the_services_usage_limit_403_and_polls_still_work()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 2 });
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob first = await client.SubmitAsync(Emulated.Face(1));
        SkinAnalysisJob second = await client.SubmitAsync(Emulated.Face(2));
        using var http = new HttpClient(emulator.CreateHandler());

        using HttpResponseMessage refused = await RawSubmit.SendAsync(http, Origin, Emulated.Face(3));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(UsageLimitBody, await refused.Content.ReadAsStringAsync());
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.True((await client.GetOutcomeAsync(first)).IsSucceeded);
        Assert.True((await client.GetOutcomeAsync(second)).IsSucceeded);
        Assert.Equal(2, emulator.JobCount);
        EmulatorStats stats = emulator.Stats;
        Assert.Equal(2, stats.AcceptedSubmits);
        Assert.Equal(1, stats.QuotaRefused);
        Assert.Equal(0, stats.SubmitsOf(Emulated.Face(3)));
    }

    [Fact]
    public async Task The_client_reads_the_usage_limit_403_as_its_own_error_that_proves_no_job()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 0 });

        var error = await Assert.ThrowsAsync<SkinLiteUsageLimitException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("JR-1000", error.ErrorCode);
        Assert.Equal("Usage Limit Exceeded", error.ServiceMessage);
        Assert.False(error.JobMayExist);
    }

    [Fact]
    public async Task A_quota_of_0_refuses_every_submit()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 0 });
        using var http = new HttpClient(emulator.CreateHandler());

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage refused = await RawSubmit.SendAsync(http, Origin, Emulated.Face());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(UsageLimitBody, await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(0, emulator.JobCount);
        Assert.Equal(3, emulator.Stats.QuotaRefused);
    }

    [Fact]
    public async Task Rate_limited_submits_do_not_use_the_quota()
    {
        var time = new FakeTimeProvider();
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 1, Quota = 2 }, time);
        using var http = new HttpClient(emulator.CreateHandler());

        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await RawSubmit.SendAsync(http, Origin, Emulated.Face())).StatusCode);

        EmulatorStats stats = emulator.Stats;
        Assert.Equal((2, 2, 1), (stats.AcceptedSubmits, stats.RateLimited, stats.QuotaRefused));
    }

    [Fact]
    public async Task Concurrent_submits_never_pass_the_quota()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 5 });
        using var http = new HttpClient(emulator.CreateHandler());
        byte[] face = Emulated.Face();

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            await Task.Yield();
            using HttpResponseMessage response = await RawSubmit.SendAsync(http, Origin, face);
            return response.StatusCode;
        }));

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(19, statuses.Count(status => status == HttpStatusCode.Forbidden));
        Assert.Equal(5, emulator.JobCount);
        Assert.Equal(5, emulator.Stats.SubmitsOf(face));
        Assert.Equal(19, emulator.Stats.QuotaRefused);
    }

    [Fact]
    public async Task Concurrent_submits_never_pass_the_rate()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 4 }, new FakeTimeProvider());
        using var http = new HttpClient(emulator.CreateHandler());

        HttpStatusCode[] statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            await Task.Yield();
            using HttpResponseMessage response = await RawSubmit.SendAsync(http, Origin, Emulated.Face());
            return response.StatusCode;
        }));

        Assert.Equal(4, statuses.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(12, emulator.Stats.RateLimited);
    }
}
