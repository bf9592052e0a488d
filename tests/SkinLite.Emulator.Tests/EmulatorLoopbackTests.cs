using System.Net;
using SkinLite.Emulator.Server;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>The same client against the emulator served by Kestrel on 127.0.0.1: real sockets, real dropped and cut connections.</summary>
public class EmulatorLoopbackTests
{
    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Platform)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task A_whole_job_succeeds_over_loopback(SkinLiteApi api)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, api);

        AnalysisOutcome outcome = await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face()));

        Assert.Equal(IPAddress.Loopback.ToString(), server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.True(outcome.Result.IsEmulated);
        Assert.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/emulator/outputs/", outcome.Result.Concerns[0].ImageUrl, StringComparison.Ordinal);
    }

    // Megabytes of images: enumerated when the tests run, not serialised into the test list at discovery.
    public static TheoryData<byte[], RejectionReason, string> Rejections() => new()
    {
        { Emulated.Face(trailer: SkinAnalysisEmulator.NoFaceMarker), RejectionReason.NoFaceDetected, "No face detected" },
        { TestPng.Create(1024, 1024, padding: 5 * 1024 * 1024), RejectionReason.FileTooLarge, "File size exceeds 5MB limit." },
        { Emulated.Face()[..600], RejectionReason.CorruptImage, "Unable to open image. Invalid or corrupted file." },
        { "GIF89a pretend gif"u8.ToArray(), RejectionReason.UnsupportedFormat, "Unsupported image format. Only PNG, JPG, or JPEG is allowed." },
        { TestJpeg.Create(1000, 1000), RejectionReason.ResolutionTooSmall, "Image dimensions are too small. Min required resolution 1024x1024 pixels." },
        { TestPng.Create(2048, 2049), RejectionReason.ResolutionTooLarge, "Image resolution too large. Max allowed resolution 2048x2048 pixels." },
    };

    [Theory]
    [MemberData(nameof(Rejections), DisableDiscoveryEnumeration = true)]
    public async Task Rejections_arrive_verbatim_over_loopback(byte[] image, RejectionReason reason, string message)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, SkinLiteApi.Private);

        AnalysisOutcome outcome = await client.GetOutcomeAsync(await client.SubmitAsync(image));

        Assert.Equal(reason, outcome.RejectionReason);
        Assert.Equal(message, outcome.Message);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public async Task Failure_401_and_404_over_loopback()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, SkinLiteApi.Private);

        AnalysisOutcome failed = await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face(trailer: SkinAnalysisEmulator.FailureMarker)));
        await Assert.ThrowsAsync<SkinLiteAuthenticationException>(() => Client(server, SkinLiteApi.Private, "wrong-key").SubmitAsync(Emulated.Face()));
        await Assert.ThrowsAsync<SkinLiteNotFoundException>(() => client.GetOutcomeAsync("no-scan", "no-prediction"));

        Assert.True(failed.IsFailed);
    }

    public static TheoryData<string, Type> Faults() => new()
    {
        { "429", typeof(SkinLiteRateLimitException) },
        { "500", typeof(SkinLiteServerException) },
        { "502", typeof(SkinLiteServerException) },
        { "503", typeof(SkinLiteServerException) },
        { "drop", typeof(SkinLiteTransportException) },
        { "truncate", typeof(SkinLiteTransportException) },
        { "malformed", typeof(SkinLiteProtocolException) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Each_fault_is_its_typed_error_over_loopback(string fault, Type expected)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok," + fault));
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, SkinLiteApi.Transformation);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        Exception error = await Assert.ThrowsAnyAsync<SkinLiteException>(() => client.GetOutcomeAsync(job));

        Assert.IsType(expected, error);
        if (error is SkinLiteRateLimitException limited)
            Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        Assert.True((await client.GetOutcomeAsync(job)).IsSucceeded, "the next request is answered normally");
    }

    [Fact]
    public async Task A_truncated_answer_over_loopback_breaks_off_while_its_body_is_read()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok,truncate"));
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, SkinLiteApi.Transformation);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => client.GetOutcomeAsync(job));

        // The status and headers arrived and the body ended early: not a request that got no answer, as a drop is.
        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
        var cut = Assert.IsType<HttpIOException>(error.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, cut.HttpRequestError);
    }

    [Fact]
    public async Task A_slow_answer_times_out_over_loopback()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { Faults = FaultPlan.Parse("slow"), SlowAnswerDelay = TimeSpan.FromMinutes(5) });
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Client(server, SkinLiteApi.Private, timeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<SkinLiteTransportException>(() => client.SubmitAsync(Emulated.Face()));

        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_ends_the_wait_for_shutdown()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        Task shutdown = server.WaitForShutdownAsync();
        Assert.False(shutdown.IsCompleted);

        await server.DisposeAsync();

        await shutdown.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(server.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/x"));
    }

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task The_address_the_server_prints_works_unchanged_as_the_client_base_address(SkinLiteApi api)
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Emulated.Client(new SocketsHttpHandler(), server.BaseAddress, api);

        AnalysisOutcome outcome = await client.WaitAsync(await client.SubmitAsync(Emulated.Face()), new PollingOptions { InitialDelay = TimeSpan.Zero, FixedInterval = TimeSpan.FromMilliseconds(50) });

        Assert.True(outcome.IsSucceeded, outcome.ToString());
    }

    private static SkinLiteClient Client(EmulatorServer server, SkinLiteApi api, string credential = SkinAnalysisEmulator.DefaultCredential, TimeSpan? timeout = null) =>
        Emulated.Client(new SocketsHttpHandler(), server.BaseAddressFor(api), api, credential, timeout: timeout);
}
