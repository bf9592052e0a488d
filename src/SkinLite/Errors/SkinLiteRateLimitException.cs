namespace SkinLite;

/// <summary>The service asked the client to slow down (429). <see cref="SkinLiteApiException.RetryAfter"/> says for how long, if it did.</summary>
public sealed class SkinLiteRateLimitException : SkinLiteApiException
{
    /// <summary>Creates the exception from what the 429 answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt, the request id and the asked wait.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteRateLimitException(ApiErrorDetails details, string message)
        : base(details, message)
    {
    }
}
