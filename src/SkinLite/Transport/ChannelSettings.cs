namespace SkinLite;

/// <summary>What the <see cref="ServiceChannel"/> needs of the client's options, taken from them once they are validated.</summary>
/// <param name="AppId">The application id the submit answer's job is tagged with.</param>
/// <param name="Credential">The access key.</param>
/// <param name="SendCredentialAsIs">Send the key as given instead of base64-encoded.</param>
/// <param name="MaxResponseBytes">The cap on a response body.</param>
/// <param name="SubmitRetries">How many times a submit that provably created no job is sent again.</param>
/// <param name="SubmitTimeout">The time limit of one submit attempt.</param>
/// <param name="RequestTimeout">The time limit of a single fetch outside a wait.</param>
/// <param name="RetryAfterFloor">The least a <c>Retry-After</c> can make a submit retry wait.</param>
/// <param name="RetryAfterCeiling">The most a <c>Retry-After</c> can make a submit retry wait.</param>
internal sealed record ChannelSettings(
    string? AppId,
    string Credential,
    bool SendCredentialAsIs,
    long MaxResponseBytes,
    int SubmitRetries,
    TimeSpan SubmitTimeout,
    TimeSpan RequestTimeout,
    TimeSpan RetryAfterFloor,
    TimeSpan RetryAfterCeiling)
{
    /// <summary>The settings without the credential, so that a stray log of the record leaks nothing.</summary>
    public override string ToString() => $"ChannelSettings {{ AppId = {AppId}, MaxResponseBytes = {MaxResponseBytes}, SubmitRetries = {SubmitRetries}, SubmitTimeout = {SubmitTimeout} }}";
}
