using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using SkinLite.Emulator.Server;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>The counters: accepted submits per image content, refusals, polls; in process (SkinAnalysisEmulator.Stats) and at GET /emulator/stats.</summary>
public class EmulatorStatsTests
{
    private static readonly Uri Origin = new("https://emulator.skinlite.invalid");

    [Fact]
    public async Task Submits_are_counted_per_image_content()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        byte[] face = Emulated.Face(1);
        byte[] other = Emulated.Face(2);

        SkinAnalysisJob job = await client.SubmitAsync(face);
        await client.SubmitAsync((byte[])face.Clone());
        await client.SubmitAsync(other);
        await client.GetOutcomeAsync(job);

        EmulatorStats stats = emulator.Stats;
        Assert.Equal(3, stats.AcceptedSubmits);
        Assert.Equal(2, stats.SubmitsOf(face));
        Assert.Equal(1, stats.SubmitsOf(other));
        Assert.Equal(0, stats.SubmitsOf(Emulated.Face(3)));
        Assert.Equal(2, stats.SubmitsByImage.Count);
        Assert.Equal(2, stats.SubmitsByImage[Convert.ToHexStringLower(SHA256.HashData(face))]);
        Assert.Equal(1, stats.Polls);
        Assert.Equal((0, 0), (stats.RateLimited, stats.QuotaRefused));
        Assert.Contains("AcceptedSubmits = 3", stats.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_does_not_change_afterwards()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        EmulatorStats before = emulator.Stats;

        await Emulated.Client(emulator).SubmitAsync(Emulated.Face());

        Assert.Equal(0, before.AcceptedSubmits);
        Assert.Empty(before.SubmitsByImage);
        Assert.Equal(1, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task A_submit_counts_when_it_creates_a_job_whatever_fault_spoils_its_answer()
    {
        // drop, truncate and malformed come after the work: the job exists (the "may be paid" case). 429 and 503 come before it.
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("drop,truncate,malformed,429,503,failure,ok"));
        SkinLiteClient client = Emulated.Client(emulator);
        byte[] face = Emulated.Face();

        for (int i = 0; i < 5; i++)
        {
            await Assert.ThrowsAnyAsync<SkinLiteException>(() => client.SubmitAsync(face));
        }

        await client.SubmitAsync(face);
        await client.SubmitAsync(face);

        EmulatorStats stats = emulator.Stats;
        Assert.Equal(5, stats.AcceptedSubmits);
        Assert.Equal(5, stats.SubmitsOf(face));
        Assert.Equal(5, emulator.JobCount);
        Assert.Equal(0, stats.RateLimited); // an injected 429 is a fault, not the rate limit
    }

    [Fact]
    public async Task A_submit_without_an_image_is_not_counted()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());
        using HttpRequestMessage request = RawSubmit.Request(Origin, Emulated.Face());
        request.Content = new StringContent("no form");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, emulator.Stats.AcceptedSubmits);
        Assert.Empty(emulator.Stats.SubmitsByImage);
    }

    [Fact]
    public async Task The_stats_route_answers_JSON_with_the_bearer_and_401_without_it()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using var http = new HttpClient(emulator.CreateHandler());
        byte[] face = Emulated.Face();
        await RawSubmit.SendAsync(http, Origin, face);
        await RawSubmit.SendAsync(http, Origin, face);

        using HttpResponseMessage refused = await RawSubmit.StatsAsync(http, Origin, bearer: null);
        using HttpResponseMessage wrong = await RawSubmit.StatsAsync(http, Origin, bearer: RawSubmit.Bearer("not-the-key"));
        using HttpResponseMessage plain = await RawSubmit.StatsAsync(http, Origin, bearer: SkinAnalysisEmulator.DefaultCredential);
        using HttpResponseMessage answer = await RawSubmit.StatsAsync(http, Origin, RawSubmit.Bearer());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        string key = EmulatorStats.ImageKey(face);
        Assert.Equal(
            $$"""{"acceptedSubmits":2,"rateLimited":0,"quotaRefused":0,"polls":0,"submitsByImage":{"{{key}}":2},"emulated":true}""",
            await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_stats_route_draws_no_fault_and_is_not_a_poll()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("503"));
        using var http = new HttpClient(emulator.CreateHandler());

        using HttpResponseMessage stats = await RawSubmit.StatsAsync(http, Origin, RawSubmit.Bearer());
        using HttpResponseMessage post = await http.PostAsync(new Uri(Origin, SkinAnalysisEmulator.StatsPath), new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        await Assert.ThrowsAsync<SkinLiteServerException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));
        Assert.Equal(0, emulator.Stats.Polls);
    }

    [Fact]
    public async Task Stats_are_served_over_loopback()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 2 });
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Emulated.Client(new SocketsHttpHandler(), server.BaseAddressFor(SkinLiteApi.Private), SkinLiteApi.Private);
        byte[] face = Emulated.Face();
        SkinAnalysisJob job = await client.SubmitAsync(face);
        await client.SubmitAsync(face);
        await Assert.ThrowsAsync<SkinLiteUsageLimitException>(() => client.SubmitAsync(face));
        await client.GetOutcomeAsync(job);
        using var http = new HttpClient();

        using HttpResponseMessage refused = await RawSubmit.StatsAsync(http, server.BaseAddress, bearer: null);
        using HttpResponseMessage answer = await RawSubmit.StatsAsync(http, server.BaseAddress, RawSubmit.Bearer());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        JsonElement root = json.RootElement;
        Assert.Equal(2, root.GetProperty("acceptedSubmits").GetInt32());
        Assert.Equal(0, root.GetProperty("rateLimited").GetInt32());
        Assert.Equal(1, root.GetProperty("quotaRefused").GetInt32());
        Assert.Equal(1, root.GetProperty("polls").GetInt32());
        Assert.Equal(2, root.GetProperty("submitsByImage").GetProperty(EmulatorStats.ImageKey(face)).GetInt32());
    }

    [Fact]
    public async Task The_rate_limit_and_quota_answer_the_same_over_loopback()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, SubmitRate = 1.0 / 60, Quota = 0 });
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        using var http = new HttpClient();

        using HttpResponseMessage refused = await RawSubmit.SendAsync(http, server.BaseAddress, Emulated.Face());
        using HttpResponseMessage limited = await RawSubmit.SendAsync(http, server.BaseAddress, Emulated.Face());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("""{"message":"Usage Limit Exceeded","status":403,"errorCode":"JR-1000","exception":"UsageBlockedError","emulated":true}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 59, 60);
    }
}
