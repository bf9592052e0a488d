using System.Net.Http;

namespace SkinLite;

/// <summary>The request did not get an answer: the connection failed, was dropped, or a single request timed out.</summary>
public sealed class SkinLiteTransportException : SkinLiteException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="error">The kind of transport failure.</param>
    /// <param name="isTimeout">Whether the request ran out of time (as opposed to the caller cancelling).</param>
    /// <param name="innerException">The underlying error.</param>
    public SkinLiteTransportException(string message, HttpRequestError error, bool isTimeout, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
        IsTimeout = isTimeout;
    }

    /// <summary>The kind of failure <see cref="HttpClient"/> reported, e.g. <see cref="HttpRequestError.ConnectionError"/>.</summary>
    public HttpRequestError Error { get; }

    /// <summary>Whether one request ran out of time. The caller's own cancellation is an <see cref="OperationCanceledException"/> instead.</summary>
    public bool IsTimeout { get; }
}
