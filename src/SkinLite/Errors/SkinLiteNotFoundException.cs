namespace SkinLite;

/// <summary>The service does not know the job or route (404).</summary>
public sealed class SkinLiteNotFoundException : SkinLiteApiException
{
    /// <summary>Creates the exception from what the 404 answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteNotFoundException(ApiErrorDetails details, string message)
        : base(details, message)
    {
    }
}
