using SkinLite.Cli.Output;

namespace SkinLite.Cli.Configuration;

/// <summary>A ready <see cref="SkinLiteClient"/> over the network or over the in-process emulator, and what it owns.</summary>
internal sealed class ServiceConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly BuiltInEmulator? _emulator;

    private ServiceConnection(ConnectionSettings settings, HttpClient http, RequestCounter counter, BuiltInEmulator? emulator, SkinLiteClient client)
    {
        Settings = settings;
        _http = http;
        Counter = counter;
        _emulator = emulator;
        Client = client;
    }

    public ConnectionSettings Settings { get; }

    public SkinLiteClient Client { get; }

    public RequestCounter Counter { get; }

    /// <exception cref="BadInputException">The client refused a setting (an unsafe app id, a bad key).</exception>
    public static ServiceConnection Open(ConnectionSettings settings, TimeSpan? deadline, bool skipPreflight)
    {
        BuiltInEmulator? emulator = settings.UseEmulator ? new BuiltInEmulator() : null;
        var counter = new RequestCounter(emulator?.CreateHandler() ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) });
        var http = new HttpClient(counter);
        var options = new SkinLiteClientOptions
        {
            Api = settings.Api,
            AppId = settings.AppId,
            BaseAddress = settings.BaseAddress,
            Credential = settings.Credential,
            SkipPreflight = skipPreflight,
        };
        if (emulator is not null)
        {
            // Nothing to wait for over the network: poll the emulator briskly so the demo ends soon after the job does.
            options.Polling.InitialDelay = TimeSpan.FromSeconds(1);
            options.Polling.Interval = TimeSpan.FromMilliseconds(500);
        }

        if (deadline is { } limit)
        {
            options.Polling.Deadline = limit;
        }

        try
        {
            return new ServiceConnection(settings, http, counter, emulator, new SkinLiteClient(http, options));
        }
        catch (ArgumentException ex)
        {
            http.Dispose();
            emulator?.Dispose();
            throw new BadInputException(ex.Message);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _emulator?.Dispose();
    }
}
