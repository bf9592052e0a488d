namespace SkinLite;

/// <summary>The service asked the client to slow down (429).</summary>
public sealed class SkinLiteRateLimitException : SkinLiteApiException
{
    /// <summary>Creates the exception from what the 429 answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="retryAfter">The wait the answer asked for, if it named one.</param>
    public SkinLiteRateLimitException(ApiErrorDetails details, string message, TimeSpan? retryAfter)
        : base(details, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>The wait <c>Retry-After</c> (seconds or HTTP date) or <c>retry-after-ms</c> asked for; never negative; <see langword="null"/> when absent or unreadable.</summary>
    public TimeSpan? RetryAfter { get; }
}
