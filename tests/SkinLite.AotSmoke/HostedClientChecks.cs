using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SkinLite.Emulator;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>
/// The DI path natively, against the in-process emulator: the host validates the options at start, resolves the typed
/// client from IHttpClientFactory, waits through injected faults to the result, and the preflight stops a bad image
/// before anything is sent.
/// </summary>
internal static class HostedClientChecks
{
    public static async Task RunAsync(Check check)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions
        {
            ProcessingTime = TimeSpan.FromMilliseconds(400),
            Faults = FaultPlan.Parse("ok,503,truncate,malformed,drop"),
            RetryAfter = TimeSpan.FromMilliseconds(1),
        });
        var counter = new CountingHandler();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSkinLiteClient(o =>
        {
            o.BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private);
            o.AppId = SkinAnalysisEmulator.DefaultAppId;
            o.Credential = SkinAnalysisEmulator.DefaultCredential;
            o.Polling = new PollingOptions
            {
                InitialDelay = TimeSpan.FromMilliseconds(50),
                Interval = TimeSpan.FromMilliseconds(20),
                MaxInterval = TimeSpan.FromMilliseconds(100),
                MinDelay = TimeSpan.FromMilliseconds(1),
                RetryAfterFloor = TimeSpan.FromMilliseconds(1),
                Deadline = TimeSpan.FromSeconds(30),
            };
        }).AddHttpMessageHandler(() => counter).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
        using IHost host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<SkinLiteClient>();

        var statuses = new List<string>();
        AnalysisOutcome last = default;
        await foreach (AnalysisOutcome update in client.WatchAsync(await client.SubmitAsync(TestPng.Create(1024, 1024), "face.png")))
        {
            statuses.Add(update.Status.Value);
            last = update;
        }

        check.Equal("SUCCESS", statuses[^1], "watched to SUCCESS through 503, truncated, malformed and dropped answers");
        check.True(last.TryGetResult(out SkinAnalysis? analysis) && analysis.IsEmulated, "emulated result through DI");

        AnalysisOutcome noFace = await client.AnalyzeAsync(TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker), "face.png");
        check.Equal(RejectionReason.NoFaceDetected, noFace.RejectionReason, "no-face rejection through DI");

        int sentBefore = counter.Requests;
        ImagePreflightResult small = ImagePreflight.Check(TestPng.Create(640, 480));
        check.Equal(RejectionReason.ResolutionTooSmall, small.Reason, "preflight of a 640x480 PNG");
        try
        {
            await client.SubmitAsync(TestPng.Create(640, 480), "small.png");
            check.True(false, "submit refuses a 640x480 PNG");
        }
        catch (SkinLitePreflightException error)
        {
            check.Equal(RejectionReason.ResolutionTooSmall, error.Reason, "preflight exception reason");
        }

        check.Equal(sentBefore, counter.Requests, "nothing sent for a bad image");
        await host.StopAsync();

        var invalid = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        invalid.Services.AddSkinLiteClient(o => o.Credential = "smoke-key");
        using IHost invalidHost = invalid.Build();
        string? startupError = null;
        try
        {
            await invalidHost.StartAsync();
        }
        catch (OptionsValidationException e)
        {
            startupError = e.Message;
        }

        check.True(startupError?.Contains("SkinLiteClientOptions.AppId", StringComparison.Ordinal) == true, "startup validation names AppId");
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
