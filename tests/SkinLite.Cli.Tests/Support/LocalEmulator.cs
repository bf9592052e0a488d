using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Cli.Tests.Support;

/// <summary>An emulator server on 127.0.0.1 inside the test process, and the arguments that point the binary at it.</summary>
internal sealed class LocalEmulator : IAsyncDisposable
{
    public const string AppId = "cli-tests-app";

    private readonly SkinAnalysisEmulator _emulator;
    private readonly EmulatorServer _server;

    private LocalEmulator(SkinAnalysisEmulator emulator, EmulatorServer server)
    {
        _emulator = emulator;
        _server = server;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The emulator's counters: submits per image content, 429s, polls.</summary>
    public EmulatorStats Stats => _emulator.Stats;

    public static Task<LocalEmulator> StartAsync(TimeSpan processingTime) => StartAsync(new EmulatorOptions { ProcessingTime = processingTime });

    public static async Task<LocalEmulator> StartAsync(EmulatorOptions options)
    {
        var emulator = new SkinAnalysisEmulator(options);
        return new LocalEmulator(emulator, await EmulatorServer.StartAsync(emulator));
    }

    /// <summary>--base-url (a bare host: the binary adds the family's path), the emulator's key and an app id.</summary>
    public string[] ConnectionArguments(string? accessKey = null) =>
        ["--base-url", BaseAddress.ToString(), "--access-key", accessKey ?? SkinAnalysisEmulator.DefaultCredential, "--app-id", AppId];

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _emulator.Dispose();
    }
}
