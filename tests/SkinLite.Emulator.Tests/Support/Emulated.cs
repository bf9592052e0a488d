
namespace SkinLite.Emulator.Tests.Support;

/// <summary>A SkinLite client wired to an in-process emulator, as the CLI and users wire it.</summary>
internal static class Emulated
{
    /// <summary>A 1024x1024 PNG: the smallest image the service takes. <paramref name="shade"/> makes different images.</summary>
    public static byte[] Face(byte shade = 0x80, string? trailer = null) => TestPng.Create(1024, 1024, shade, trailer: trailer);

    public static SkinLiteClient Client(
        SkinAnalysisEmulator emulator,
        SkinLiteApi api = SkinLiteApi.Private,
        string credential = SkinAnalysisEmulator.DefaultCredential,
        bool sendAsIs = false,
        TimeSpan? timeout = null) =>
        Client(emulator.CreateHandler(), SkinAnalysisEmulator.BaseAddressFor(api), api, credential, sendAsIs, timeout);

    public static SkinLiteClient Client(HttpMessageHandler handler, Uri baseAddress, SkinLiteApi api, string credential = SkinAnalysisEmulator.DefaultCredential, bool sendAsIs = false, TimeSpan? timeout = null)
    {
        var http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return new SkinLiteClient(http, new SkinLiteClientOptions
        {
            Api = api,
            BaseAddress = baseAddress,
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = credential,
            SendCredentialAsIs = sendAsIs,
            // The emulator must judge bad images itself, the way the service does.
            SkipPreflight = true,
            // Each submit meets the fault drawn for it: a retried 429 or 503 would hide what these tests look at.
            SubmitRetries = 0,
        });
    }

    public static EmulatorOptions Instant(string faults = "none", int seed = 0) =>
        new() { ProcessingTime = TimeSpan.Zero, Faults = FaultPlan.Parse(faults), Seed = seed };
}
