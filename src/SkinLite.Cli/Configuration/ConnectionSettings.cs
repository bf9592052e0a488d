namespace SkinLite.Cli.Configuration;

/// <summary>Where and as whom to connect, after options, environment variables and defaults were combined and checked.</summary>
/// <param name="Api">The route family.</param>
/// <param name="AppId">The application id; the emulator's default when emulated and none was given.</param>
/// <param name="BaseAddress">The family's base address; <see langword="null"/> for the real service's default.</param>
/// <param name="Credential">The access key. Never printed.</param>
/// <param name="UseEmulator">Talk to the in-process emulator instead of the network.</param>
/// <param name="EmulatorReason">Why the emulator is used, for the one-line notice.</param>
/// <param name="AllowInsecureHttp">--allow-insecure-http: plain http to a host that is not loopback was asked for explicitly.</param>
internal sealed record ConnectionSettings(SkinLiteApi Api, string? AppId, Uri? BaseAddress, string Credential, bool UseEmulator, string? EmulatorReason, bool AllowInsecureHttp = false)
{
    /// <summary>--send-key-as-is: the key is sent as given instead of base64-encoded.</summary>
    public bool SendKeyAsIs { get; init; }

    /// <summary>The settings with the credential left out, so that a stray log of the record leaks nothing.</summary>
    public override string ToString() => $"ConnectionSettings {{ Api = {Api}, AppId = {AppId}, BaseAddress = {BaseAddress}, UseEmulator = {UseEmulator}, AllowInsecureHttp = {AllowInsecureHttp}, SendKeyAsIs = {SendKeyAsIs} }}";
}
