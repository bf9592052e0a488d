using System.Net;

namespace SkinLite;

/// <summary>The service answered with a status code outside 2xx. Subclasses name the common cases.</summary>
public class SkinLiteApiException : SkinLiteException
{
    /// <summary>Creates the exception from what the answer said.</summary>
    /// <param name="details">The status code, the service's error code and message, a body excerpt and the request id.</param>
    /// <param name="message">The exception message.</param>
    public SkinLiteApiException(ApiErrorDetails details, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Everything the answer said about the error.</summary>
    public ApiErrorDetails Details { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>The service's error code from a JSON body (<c>errorCode</c> or <c>code</c>), e.g. <c>JR-1000</c>.</summary>
    public string? ErrorCode => Details.ErrorCode;

    /// <summary>The service's message from a JSON body (<c>message</c> or <c>error</c>), e.g. <c>Usage Limit Exceeded</c>.</summary>
    public string? ServiceMessage => Details.ServiceMessage;

    /// <summary>The start of the body as text, at most 4 KiB, with the credential removed; <see langword="null"/> when empty.</summary>
    public string? BodyExcerpt => Details.BodyExcerpt;

    /// <summary>The request id the service or a proxy returned (<c>x-request-id</c> and kin), if any.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The wait the answer asked for (<c>Retry-After</c> or <c>retry-after-ms</c>), never negative; <see langword="null"/> when absent or unreadable.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;
}
