using SkinLite.Benchmarks.Polling;
using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>
/// The emulator served by its Kestrel server on 127.0.0.1, in this process or in another one, and an
/// <see cref="EmulatedService"/> that talks to it over sockets.
/// </summary>
public sealed class LoopbackService : IDisposable
{
    private readonly EmulatorServer? _server;
    private readonly RemoteEmulator? _remote;

    private LoopbackService(EmulatorServer? server, RemoteEmulator? remote, EmulatedService service)
    {
        _server = server;
        _remote = remote;
        Service = service;
    }

    public EmulatedService Service { get; }

    public static LoopbackService Start(bool pending, int maxConnections = 64)
    {
        var emulator = new SkinAnalysisEmulator(EmulatedService.Options(pending, maxJobs: 1000));
        EmulatorServer server = EmulatorServer.StartAsync(emulator).GetAwaiter().GetResult();
        return new LoopbackService(server, null, EmulatedService.Over(emulator, Http(maxConnections), server.BaseAddressFor(SkinLiteApi.Transformation)));
    }

    /// <summary>The server in a process of its own (<see cref="RemoteEmulator"/>): this process allocates for the client only.</summary>
    public static LoopbackService StartOutOfProcess(bool pending, int maxConnections = 64)
    {
        RemoteEmulator remote = RemoteEmulator.Start(pending);
        return new LoopbackService(null, remote, EmulatedService.Over(null, Http(maxConnections), remote.BaseAddress));
    }

    public void Dispose()
    {
        Service.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _remote?.Dispose();
    }

    private static HttpClient Http(int maxConnections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, UseProxy = false });
}
