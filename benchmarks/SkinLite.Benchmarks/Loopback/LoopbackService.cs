using SkinLite.Benchmarks.Polling;
using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>The emulator served by its Kestrel server on 127.0.0.1, and an <see cref="EmulatedService"/> that talks to it over sockets.</summary>
public sealed class LoopbackService : IDisposable
{
    private readonly EmulatorServer _server;

    private LoopbackService(EmulatorServer server, EmulatedService service)
    {
        _server = server;
        Service = service;
    }

    public EmulatedService Service { get; }

    public static LoopbackService Start(bool pending, int maxConnections = 64)
    {
        var emulator = new SkinAnalysisEmulator(EmulatedService.Options(pending, maxJobs: 1000));
        EmulatorServer server = EmulatorServer.StartAsync(emulator).GetAwaiter().GetResult();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, UseProxy = false });
        return new LoopbackService(server, EmulatedService.Over(emulator, http, server.BaseAddressFor(SkinLiteApi.Transformation)));
    }

    public void Dispose()
    {
        Service.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
