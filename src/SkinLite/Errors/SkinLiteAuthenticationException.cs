namespace SkinLite;

/// <summary>The service refused the credential (401) or the access (403).</summary>
public sealed class SkinLiteAuthenticationException : SkinLiteApiException
{
    /// <summary>Creates the exception from what the 401 or 403 answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteAuthenticationException(ApiErrorDetails details, string message)
        : base(details, message)
    {
    }
}
