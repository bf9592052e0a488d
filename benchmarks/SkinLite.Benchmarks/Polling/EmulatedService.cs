using SkinLite.Emulator;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Polling;

/// <summary>
/// The emulator with jobs that stay pending (an hour of processing) or finish at once, and a SkinLite client for it.
/// The transport (in-process handler or loopback sockets) is the caller's choice.
/// </summary>
public sealed class EmulatedService : IDisposable
{
    private static readonly byte[] Image = TestPng.Create(1024, 1024);

    private EmulatedService(SkinAnalysisEmulator? emulator, HttpClient http, Uri baseAddress)
    {
        Emulator = emulator;
        Http = http;
        BaseAddress = baseAddress;
        Client = new SkinLiteClient(http, new SkinLiteClientOptions
        {
            Api = SkinLiteApi.Transformation,
            BaseAddress = baseAddress,
            Credential = SkinAnalysisEmulator.DefaultCredential,
        });
    }

    /// <summary>The emulator, when it runs in this process; null when it is served by another process.</summary>
    public SkinAnalysisEmulator? Emulator { get; }

    public HttpClient Http { get; }

    public Uri BaseAddress { get; }

    public SkinLiteClient Client { get; }

    /// <summary>The in-process emulator (no sockets).</summary>
    public static EmulatedService InProcess(bool pending, int maxJobs = 1000)
    {
        var emulator = new SkinAnalysisEmulator(Options(pending, maxJobs));
        var http = new HttpClient(emulator.CreateHandler());
        AuthorizeBaselines(http);
        return new EmulatedService(emulator, http, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation));
    }

    /// <summary>Wraps an emulator already served elsewhere (over loopback, by this process or another: then null) with a client on <paramref name="http"/>.</summary>
    public static EmulatedService Over(SkinAnalysisEmulator? emulator, HttpClient http, Uri baseAddress)
    {
        AuthorizeBaselines(http);
        return new EmulatedService(emulator, http, baseAddress);
    }

    public static EmulatorOptions Options(bool pending, int maxJobs) => new()
    {
        ProcessingTime = pending ? TimeSpan.FromHours(1) : TimeSpan.Zero,
        JobRetention = TimeSpan.FromHours(2),
        MaxJobs = maxJobs,
    };

    /// <summary>Submits one job through SkinLite.</summary>
    public SkinAnalysisJob Submit() => Client.SubmitAsync(Image, "face.png").GetAwaiter().GetResult();

    /// <summary>The result address of a job, for the baselines that build their own requests.</summary>
    public Uri ResultUri(SkinAnalysisJob job) => new($"{BaseAddress.AbsoluteUri.TrimEnd('/')}/predictions/{job.PredictionId}");

    public void Dispose()
    {
        Http.Dispose();
        Emulator?.Dispose();
    }

    // The baselines send their own requests; SkinLite sets its header per request and ignores these.
    private static void AuthorizeBaselines(HttpClient http) =>
        http.DefaultRequestHeaders.Authorization = new("Bearer", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SkinAnalysisEmulator.DefaultCredential)));
}
