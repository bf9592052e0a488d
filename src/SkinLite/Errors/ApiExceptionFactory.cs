using System.Net;

namespace SkinLite;

/// <summary>Maps a non-2xx answer to the typed exception for its status, with a message that says what was asked and what came back.</summary>
internal static class ApiExceptionFactory
{
    /// <summary>The exception for <paramref name="details"/>' status: usage limit, authentication, not found, rate limit, server, or the general one.</summary>
    public static SkinLiteApiException Create(ApiErrorDetails details, string message) => (int)details.StatusCode switch
    {
        403 when SkinLiteUsageLimitException.Is(details) => new SkinLiteUsageLimitException(details, message),
        401 or 403 => new SkinLiteAuthenticationException(details, message),
        404 => new SkinLiteNotFoundException(details, message),
        429 => new SkinLiteRateLimitException(details, message),
        >= 500 and <= 599 => new SkinLiteServerException(details, message),
        _ => new SkinLiteApiException(details, message),
    };

    /// <summary>E.g. <c>GET https://.../scans/s/p answered HTTP 404 (Not Found): Prediction not found [NF-1].</c></summary>
    public static string Describe(HttpResponseMessage response, ApiErrorDetails details)
    {
        string what = $"{response.RequestMessage?.Method.Method ?? "The request"} {Path(response)} answered HTTP {(int)details.StatusCode} ({response.ReasonPhrase ?? details.StatusCode.ToString()})";
        string said = (details.ServiceMessage, details.ErrorCode) switch
        {
            ({ } m, { } c) => $": {m} [{c}]",
            ({ } m, null) => $": {m}",
            (null, { } c) => $": [{c}]",
            _ => string.Empty,
        };
        string hint = details.StatusCode == HttpStatusCode.Unauthorized ? " Check the access key (it is sent base64-encoded unless SendCredentialAsIs is set)." : string.Empty;
        return $"{what}{said}.{hint}";
    }

    private static string Path(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : "(unknown address)";
}
