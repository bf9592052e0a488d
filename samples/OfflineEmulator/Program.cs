// The region between the snippet markers is the README's "Try it offline" example (eng/ci-samples.sh checks they match).
// <snippet>
using SkinLite;
using SkinLite.Emulator;

// The emulator draws one fault per request, in this order, then answers normally. The plan is chosen so that the run
// always completes: the submit meets a 429 (it carries Retry-After, which proves no job was made, so SubmitAsync waits
// and retries), and the polls meet 503, 503, 429 and 502, which a wait retries with backoff. A 503 on the submit itself
// would not be retried (the emulator's 503 has no Retry-After, so the job may exist): it would throw a
// SkinLiteServerException with JobMayExist = true. Random rates such as "503=0.1" can draw exactly that.
using var emulator = new SkinAnalysisEmulator(new EmulatorOptions
{
    Faults = FaultPlan.Parse("429,ok,503*2,429,502"),
    ProcessingTime = TimeSpan.FromSeconds(2),
});
var client = new SkinLiteClient(new HttpClient(new ShowFaults(emulator.CreateHandler())), new SkinLiteClientOptions
{
    BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
    AppId = SkinAnalysisEmulator.DefaultAppId,
    Credential = SkinAnalysisEmulator.DefaultCredential,
    Polling = new PollingOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(2) },
});

string image = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "face.png");
AnalysisOutcome outcome = await client.AnalyzeAsync(image); // submit + wait: the faults above are retried, not thrown
Console.WriteLine($"{outcome.Kind} after {ShowFaults.Count} injected faults: score {outcome.Result.TotalSkinScore} (emulated: {outcome.Result.IsEmulated})");

/// <summary>Prints each fault the emulator injects, to show that the client survived it.</summary>
internal sealed class ShowFaults(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public static int Count { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Count++;
            Console.WriteLine($"injected: {request.Method} answered {(int)response.StatusCode}, retried");
        }

        return response;
    }
}
// </snippet>
