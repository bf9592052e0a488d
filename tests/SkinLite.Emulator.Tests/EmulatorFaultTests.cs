using System.Net;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>Each injected fault surfaces as the right typed error on one call (waiting through faults is the poller's business).</summary>
public class EmulatorFaultTests
{
    [Theory]
    [InlineData("500", HttpStatusCode.InternalServerError)]
    [InlineData("502", HttpStatusCode.BadGateway)]
    [InlineData("503", HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_surface_as_server_exceptions(string fault, HttpStatusCode status)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant(fault));

        var error = await Assert.ThrowsAsync<SkinLiteServerException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal($"EMU-{(int)status}", error.ErrorCode);
    }

    [Fact]
    public async Task Too_many_requests_carries_its_Retry_After()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { Faults = FaultPlan.Parse("429"), RetryAfter = TimeSpan.FromSeconds(7) });

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task A_bare_429_has_no_Retry_After_and_creates_no_job()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { Faults = FaultPlan.Parse("429-bare,ok"), RetryAfter = TimeSpan.FromSeconds(7) });

        var error = await Assert.ThrowsAsync<SkinLiteRateLimitException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        Assert.Null(error.RetryAfter);
        Assert.Equal(0, emulator.JobCount);
        Assert.Equal("429-bare,ok", FaultPlan.Parse("429-BARE, ok").ToString());
    }

    [Fact]
    public async Task A_wrong_credential_is_refused_before_any_fault_is_drawn_for_it()
    {
        // Issue 11: a real service authenticates first; the emulator drew the fault first, so a bad key could see a 503.
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("503,ok"));

        await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => Emulated.Client(emulator, credential: "not-the-emulator-key").SubmitAsync(Emulated.Face()));
        var fault = await Assert.ThrowsAsync<SkinLiteServerException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, fault.StatusCode);
        Assert.Equal("ACCEPTED", (await Emulated.Client(emulator).SubmitAsync(Emulated.Face())).Status.Value);
    }

    [Fact]
    public async Task A_scripted_fault_hits_only_its_request()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok,503,ok"));
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        await Assert.ThrowsAsync<SkinLiteServerException>(() => client.GetOutcomeAsync(job));
        Assert.True((await client.GetOutcomeAsync(job)).IsSucceeded);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_that_did_reach_the_server()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("drop"));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => Emulated.Client(emulator).SubmitAsync(Emulated.Face()));

        // Not a connection error: the submit must not be retried, the job exists.
        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
        Assert.Equal(1, emulator.JobCount);
    }

    [Fact]
    public async Task A_truncated_body_is_a_transport_error()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok,truncate"));
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => client.GetOutcomeAsync(job));

        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
    }

    [Fact]
    public async Task A_malformed_body_is_a_protocol_error()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok,malformed"));
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        await Assert.ThrowsAsync<SkinLiteProtocolException>(() => client.GetOutcomeAsync(job));
    }

    [Fact]
    public async Task A_failure_fault_ends_a_running_job_in_FAILURE()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { Faults = FaultPlan.Parse("ok,failure"), ProcessingTime = TimeSpan.FromHours(1) });
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        AnalysisOutcome outcome = await client.GetOutcomeAsync(job);

        Assert.True(outcome.IsFailed, outcome.ToString());
        Assert.True((await client.GetOutcomeAsync(job)).IsFailed);
    }

    [Fact]
    public async Task A_failure_fault_on_submit_makes_the_job_fail()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("failure"));
        SkinLiteClient client = Emulated.Client(emulator);

        Assert.True((await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face()))).IsFailed);
    }

    [Fact]
    public async Task A_slow_answer_runs_into_the_client_timeout()
    {
        // Real time on purpose: HttpClient.Timeout is a real timer. The emulator's delay is cancelled with the request.
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { Faults = FaultPlan.Parse("slow"), SlowAnswerDelay = TimeSpan.FromMinutes(5) });
        SkinLiteClient client = Emulated.Client(emulator, timeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => client.SubmitAsync(Emulated.Face()));

        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task Fault_rates_draw_the_same_sequence_under_the_same_seed()
    {
        Assert.Equal(await Draw(seed: 3), await Draw(seed: 3));
        Assert.NotEqual(await Draw(seed: 3), await Draw(seed: 4));
    }

    private static async Task<string> Draw(int seed)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("503=0.3,429=0.2", seed));
        SkinLiteClient client = Emulated.Client(emulator);
        var kinds = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            try
            {
                await client.SubmitAsync(Emulated.Face());
                kinds.Add("ok");
            }
            catch (SkinLiteApiException error)
            {
                kinds.Add(((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Contains("ok", kinds);
        Assert.Contains("503", kinds);
        Assert.Contains("429", kinds);
        return string.Join(",", kinds);
    }
}
