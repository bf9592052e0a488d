using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Reports.Tests.Saving.Support;

/// <summary>
/// The emulator served on 127.0.0.1, with a SkinLite client against it that keeps the last result document it polled
/// (the whole document, as the service sends it, input.image included).
/// </summary>
internal sealed class EmulatedService : IAsyncDisposable
{
    private readonly SkinAnalysisEmulator _emulator;
    private readonly EmulatorServer _server;
    private readonly DocumentCapture _capture;

    private EmulatedService(SkinAnalysisEmulator emulator, EmulatorServer server)
    {
        _emulator = emulator;
        _server = server;
        _capture = new DocumentCapture(new SocketsHttpHandler());
        Client = new SkinLiteClient(new HttpClient(_capture) { Timeout = TimeSpan.FromSeconds(30) }, new SkinLiteClientOptions
        {
            Api = SkinLiteApi.Private,
            BaseAddress = server.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            SkipPreflight = true,
        });
    }

    public SkinLiteClient Client { get; }

    /// <summary>The last result document the client polled.</summary>
    public byte[]? LastDocument => _capture.Last;

    public static async Task<EmulatedService> StartAsync()
    {
        var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero });
        return new EmulatedService(emulator, await EmulatorServer.StartAsync(emulator));
    }

    public static byte[] Face() => TestPng.Create(1024, 1024);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _emulator.Dispose();
        _capture.Dispose();
    }

    private sealed class DocumentCapture(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public byte[]? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                Last = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            return response;
        }
    }
}
