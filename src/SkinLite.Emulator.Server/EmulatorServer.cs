using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SkinLite.Emulator.Server;

/// <summary>
/// Serves a <see cref="SkinAnalysisEmulator"/> over HTTP on Kestrel, bound to 127.0.0.1 only, for black-box and
/// cross-language tests. Native-AOT-compatible (slim builder, no reflection, no MVC).
/// </summary>
/// <example>
/// <code>
/// using var emulator = new SkinAnalysisEmulator();
/// await using EmulatorServer server = await EmulatorServer.StartAsync(emulator, port: 8787);
/// // http://127.0.0.1:8787/service/private/misc/v2.0/sa-predictions/apps/{appId}/plugins/skinAnalysisInt/generate
/// Console.WriteLine(server.BaseAddressFor(SkinLiteApi.Private));
/// </code>
/// </example>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private EmulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:54321</c> (no path).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="emulator"/> on 127.0.0.1.</summary>
    /// <param name="emulator">The engine to serve; the server does not dispose it.</param>
    /// <param name="port">The TCP port; 0 (the default) takes any free port, see <see cref="BaseAddress"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is not between 0 and 65535.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<EmulatorServer> StartAsync(SkinAnalysisEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The engine caps bodies itself, so that an oversized upload gets its JSON 413 rather than a bare one.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        WebApplication app = builder.Build();
        app.Run(context => EmulatorEndpoint.HandleAsync(context, emulator));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address));
    }

    /// <summary>The base address of a route family on this server, for <c>SkinLiteClientOptions.BaseAddress</c>.</summary>
    /// <param name="api">The route family.</param>
    /// <returns><see cref="BaseAddress"/> followed by the family's path prefix, e.g. <c>/service/private/misc/v2.0</c>.</returns>
    public Uri BaseAddressFor(SkinLiteApi api) => api.ResolveBaseAddress(BaseAddress);

    /// <summary>Completes when the server stops (disposed, or the host shuts down), or throws when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops waiting (not the server).</param>
    /// <returns>A task that completes at shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IHostApplicationLifetime lifetime = _app.Lifetime;
        CancellationTokenRegistration onStop = lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        if (Volatile.Read(ref _disposed) != 0)
        {
            stopped.TrySetResult();
        }

        return WaitAsync(stopped.Task, onStop, cancellationToken);
    }

    /// <summary>Stops the server and frees its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task WaitAsync(Task stopped, CancellationTokenRegistration onStop, CancellationToken cancellationToken)
    {
        using (onStop)
        {
            await stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
