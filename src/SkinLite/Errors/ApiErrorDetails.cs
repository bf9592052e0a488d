using System.Net;

namespace SkinLite;

/// <summary>What a non-2xx answer said: its status, the service's error code and message, a bounded body excerpt and the request id.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ErrorCode">The service's error code from a JSON body, e.g. <c>JR-1000</c>.</param>
/// <param name="ServiceMessage">The service's message from a JSON body, e.g. <c>Usage Limit Exceeded</c>.</param>
/// <param name="BodyExcerpt">The start of the body as text (at most 4 KiB), with the credential removed.</param>
/// <param name="RequestId">The request id header, if any.</param>
/// <param name="RetryAfter">The wait <c>Retry-After</c> (seconds or HTTP date) or <c>retry-after-ms</c> asked for, never negative; <see langword="null"/> when absent or unreadable.</param>
public sealed record ApiErrorDetails(HttpStatusCode StatusCode, string? ErrorCode, string? ServiceMessage, string? BodyExcerpt, string? RequestId, TimeSpan? RetryAfter);
