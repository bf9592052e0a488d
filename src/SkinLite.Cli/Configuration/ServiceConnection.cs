using SkinLite.Cli.Output;
using SkinLite.Reports;

namespace SkinLite.Cli.Configuration;

/// <summary>A ready <see cref="SkinLiteClient"/> over the network or over the in-process emulator, and what it owns.</summary>
internal sealed class ServiceConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly BuiltInEmulator? _emulator;
    private readonly PollingOptions _polling;
    private HttpClient? _assetHttp;
    private AssetDownloader? _assets;

    private ServiceConnection(ConnectionSettings settings, HttpClient http, RequestCounter counter, DocumentRecorder? recorder, BuiltInEmulator? emulator, SkinLiteClient client, PollingOptions polling)
    {
        Recorder = recorder;
        Settings = settings;
        _polling = polling;
        _http = http;
        Counter = counter;
        _emulator = emulator;
        Client = client;
    }

    public ConnectionSettings Settings { get; }

    public SkinLiteClient Client { get; }

    public RequestCounter Counter { get; }

    /// <summary>The last result document the service sent, when opened with <c>recordDocuments</c> (--save-document).</summary>
    public DocumentRecorder? Recorder { get; }

    /// <summary>
    /// The downloader for the images a result references (--save), made on first use. It has its own HttpClient: the
    /// access key is never sent to the image host. The built-in emulator serves its images in process.
    /// </summary>
    public AssetDownloader Assets => _assets ??= CreateAssetDownloader();

    /// <exception cref="BadInputException">The client refused a setting (an unsafe app id, a bad key).</exception>
    /// <param name="recordDocuments">Keep the body of the last result fetch (--save-document).</param>
    public static ServiceConnection Open(ConnectionSettings settings, bool skipPreflight, bool recordDocuments = false)
    {
        Terminal.MaskEverywhere(settings.Credential);
        BuiltInEmulator? emulator = settings.UseEmulator ? new BuiltInEmulator() : null;
        HttpMessageHandler inner = emulator?.CreateHandler() ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        DocumentRecorder? recorder = recordDocuments ? new DocumentRecorder(inner) : null;
        var counter = new RequestCounter(recorder ?? inner);
        var http = new HttpClient(counter);
        var options = new SkinLiteClientOptions
        {
            Api = settings.Api,
            AppId = settings.AppId,
            BaseAddress = settings.BaseAddress,
            Credential = settings.Credential,
            AllowInsecureHttp = settings.AllowInsecureHttp,
            SendCredentialAsIs = settings.SendKeyAsIs,
            SkipPreflight = skipPreflight,
        };
        if (emulator is not null)
        {
            // Nothing to wait for over the network: poll the emulator briskly so the demo ends soon after the job does.
            options.Polling.InitialDelay = TimeSpan.FromSeconds(1);
            options.Polling.Interval = TimeSpan.FromMilliseconds(500);
        }

        try
        {
            return new ServiceConnection(settings, http, counter, recorder, emulator, new SkinLiteClient(http, options), options.Polling);
        }
        catch (ArgumentException ex)
        {
            http.Dispose();
            emulator?.Dispose();
            throw new BadInputException(ex.Message);
        }
    }

    /// <summary>The connection's polling with its deadline cut to what is left of the command's --timeout; <see langword="null"/> (the client's own) without one.</summary>
    public PollingOptions? PollingWithin(TimeSpan? remaining)
    {
        if (remaining is not { } left)
        {
            return null;
        }

        PollingOptions polling = _polling.Clone();
        polling.Deadline = left;
        return polling;
    }

    private AssetDownloader CreateAssetDownloader()
    {
        if (_emulator is null)
        {
            return new AssetDownloader();
        }

        _assetHttp = new HttpClient(_emulator.CreateHandler());
        return new AssetDownloader(_assetHttp);
    }

    public void Dispose()
    {
        _assets?.Dispose();
        _assetHttp?.Dispose();
        _http.Dispose();
        _emulator?.Dispose();
    }
}
