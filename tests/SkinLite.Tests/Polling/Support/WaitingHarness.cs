using Microsoft.Extensions.Logging;

namespace SkinLite.Tests.Polling;

/// <summary>A client wired to the scripted fake service and the test clock, with a credential no other text contains.</summary>
internal sealed class WaitingHarness : IDisposable
{
    public const string AppId = "app-waiting-tests";

    /// <summary>Distinctive enough that finding it anywhere is a leak, never a coincidence.</summary>
    public const string Credential = "sk-LEAKCHECK-7f3a9c1e-d00d-4b1d-9e2f-credential";

    public static readonly string EncodedCredential = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Credential));

    public WaitingHarness(PollingOptions? polling = null, ILoggerFactory? loggerFactory = null, SkinLiteApi api = SkinLiteApi.Private, int submitRetries = 2, TimeSpan? httpTimeout = null)
    {
        Handler = new ScriptedHandler(Clock);
        Http = new HttpClient(Handler) { Timeout = httpTimeout ?? Timeout.InfiniteTimeSpan };
        Options = new SkinLiteClientOptions
        {
            Api = api,
            BaseAddress = new Uri("https://api.example.test/service/private/misc/v2.0"),
            AppId = api == SkinLiteApi.Transformation ? null : AppId,
            Credential = Credential,
            Polling = polling ?? new PollingOptions(),
            SubmitRetries = submitRetries,
        };
        Client = new SkinLiteClient(Http, Options, Clock, loggerFactory);
    }

    public TestClock Clock { get; } = new();

    public ScriptedHandler Handler { get; }

    public HttpClient Http { get; }

    public SkinLiteClientOptions Options { get; }

    public SkinLiteClient Client { get; }

    /// <summary>A handle as a submit returns it: status ACCEPTED.</summary>
    public static SkinAnalysisJob SubmittedJob(string predictionId = Replies.PredictionId) => new()
    {
        Api = SkinLiteApi.Private,
        ScanId = Replies.ScanId,
        PredictionId = predictionId,
        Status = JobStatus.Accepted,
    };

    /// <summary>A handle rebuilt from bare ids, as another process would: no status known.</summary>
    public static SkinAnalysisJob ResumedJob(string predictionId = Replies.PredictionId) => new()
    {
        Api = SkinLiteApi.Private,
        AppId = AppId,
        ScanId = Replies.ScanId,
        PredictionId = predictionId,
    };

    public void Dispose() => Http.Dispose();
}
