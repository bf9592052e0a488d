namespace SkinLite;

/// <summary>
/// The account's usage limit is used up: the service answered 403 <c>Usage Limit Exceeded</c> (<c>JR-1000</c>). No job
/// was created, and every further submit will be refused the same way until the plan's limit is raised or resets, so
/// a batch stops submitting at once. Not an authentication failure: the key was accepted.
/// </summary>
public sealed class SkinLiteUsageLimitException : SkinLiteApiException
{
    /// <summary>The service's error code for the usage limit.</summary>
    public const string UsageLimitErrorCode = "JR-1000";

    /// <summary>Creates the exception from what the 403 answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteUsageLimitException(ApiErrorDetails details, string message)
        : base(details, message)
    {
    }

    /// <summary>Whether a 403 is the usage-limit answer: its error code, or its message when a body carries no code.</summary>
    internal static bool Is(ApiErrorDetails details) =>
        details.ErrorCode == UsageLimitErrorCode ||
        (details.ErrorCode is null && string.Equals(details.ServiceMessage, "Usage Limit Exceeded", StringComparison.OrdinalIgnoreCase));
}
