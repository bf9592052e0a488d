namespace SkinLite;

/// <summary>The service failed (5xx); a later attempt may succeed.</summary>
public sealed class SkinLiteServerException : SkinLiteApiException
{
    /// <summary>Creates the exception from what the 5xx answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteServerException(ApiErrorDetails details, string message)
        : base(details, message)
    {
    }
}
