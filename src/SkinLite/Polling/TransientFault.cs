using System.Net;

namespace SkinLite;

/// <summary>Which polling failures are worth another try inside the deadline, and which end the wait at once.</summary>
internal static class TransientFault
{
    public static bool IsTransient(Exception error) => error switch
    {
        SkinLiteTransportException => true,
        SkinLiteProtocolException protocol => protocol.IsTransient,
        SkinLiteRateLimitException or SkinLiteServerException => true,
        SkinLiteApiException api => api.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };

    /// <summary>A short description for logs, without the body.</summary>
    public static string Describe(Exception error) => error switch
    {
        SkinLiteApiException api => $"HTTP {(int)api.StatusCode}",
        SkinLiteTransportException { IsTimeout: true } => "request timed out",
        SkinLiteTransportException transport => $"transport: {transport.Error}",
        SkinLiteProtocolException => "unreadable answer",
        _ => error.GetType().Name,
    };
}
