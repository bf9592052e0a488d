using SkinLite.Emulator;

namespace SkinLite.Cli.Configuration;

/// <summary>The in-process emulator that analyze falls back to without credentials: what it is called and how it is set up.</summary>
internal sealed class BuiltInEmulator : IDisposable
{
    /// <summary>How long a job runs: long enough to show progress, short enough for a first try.</summary>
    public static readonly TimeSpan ProcessingTime = TimeSpan.FromSeconds(2);

    private readonly SkinAnalysisEmulator _emulator = new(new EmulatorOptions { ProcessingTime = ProcessingTime });

    public const string AppId = SkinAnalysisEmulator.DefaultAppId;

    public const string Credential = SkinAnalysisEmulator.DefaultCredential;

    public static Uri BaseAddressFor(SkinLiteApi api) => SkinAnalysisEmulator.BaseAddressFor(api);

    /// <summary>A handler that answers in process: no sockets, nothing leaves the machine.</summary>
    public HttpMessageHandler CreateHandler() => _emulator.CreateHandler();

    public void Dispose() => _emulator.Dispose();
}
