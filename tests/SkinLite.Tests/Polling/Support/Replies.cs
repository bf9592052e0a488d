using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkinLite.Tests.Polling;

/// <summary>The fake service's answers: result documents, submit answers, HTTP errors and transport faults.</summary>
internal static class Replies
{
    public const string PredictionId = "skinAnalysisInt--generate--0001";
    public const string ScanId = "scan-0001";
    public const string SubjectId = "subject-0001";

    public static Reply Pending(string status = "PROCESSING", params (string Name, string Value)[] headers) =>
        Json($$"""{"status":"{{status}}","_id":"{{PredictionId}}"}""", HttpStatusCode.OK, headers);

    public static Reply Succeeded(int score = 81) =>
        Json($$$"""{"status":"SUCCESS","_id":"{{{PredictionId}}}","output":{"skinData":{"total_skin_score":{{{score}}},"skin_age":30} } }""");

    public static Reply Rejected(string message = "No face detected") =>
        Json($$$"""{"status":"SUCCESS","_id":"{{{PredictionId}}}","output":{"error":"{{{message}}}","status_code":422}}""");

    public static Reply Failed(string error = "Backend for skinAnalysisInt/generate failed") =>
        Json($$"""{"status":"FAILURE","_id":"{{PredictionId}}","error":"{{error}}"}""");

    public static Reply Accepted(string predictionId = PredictionId, string scanId = ScanId) =>
        Json($$"""{"_id":"{{predictionId}}","scanId":"{{scanId}}","subjectId":"{{SubjectId}}","status":"ACCEPTED","createdAt":"2026-01-01T00:00:00Z"}""", HttpStatusCode.Created);

    public static Reply Status(HttpStatusCode status, string body = "", params (string Name, string Value)[] headers) =>
        Json(body, status, headers);

    public static Reply Json(string body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        Answers.JsonReply(body, status, headers);

    /// <summary>Connection refused: the request never left the machine.</summary>
    public static Reply ConnectionRefused() =>
        (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(
            HttpRequestError.ConnectionError,
            "Connection refused (api.example.test:443)",
            new SocketException((int)SocketError.ConnectionRefused)));

    /// <summary>The connection dropped after the request was sent, while the answer was awaited.</summary>
    public static Reply ConnectionDropped() =>
        (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(
            HttpRequestError.ResponseEnded,
            "The response ended prematurely.",
            new IOException("Unable to read data from the transport connection.")));

    /// <summary>What <see cref="HttpClient"/> throws when its own <see cref="HttpClient.Timeout"/> ends a request that was sent.</summary>
    public static Reply TimedOutAfterSend() =>
        (_, _) => Task.FromException<HttpResponseMessage>(new TaskCanceledException(
            "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
            new TimeoutException("The operation was canceled.")));

    /// <summary>Never answers: the request is held until its token is cancelled. The clock counts it as at rest.</summary>
    public static Reply Hang(TestClock clock, TaskCompletionSource? cancelled = null) =>
        (_, cancellationToken) =>
        {
            var held = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            clock.EnterHang();
            // Released inside the cancellation itself, so the clock never sees a held request that is already let go.
            cancellationToken.Register(() =>
            {
                clock.ExitHang();
                held.TrySetCanceled(cancellationToken);
                cancelled?.TrySetResult();
            });
            return held.Task;
        };

    /// <summary>A 200 whose body stops in the middle of the document.</summary>
    public static Reply Truncated() => Json("""{"status":"SUCCESS","output":{"skinData":{"total_sk""");

    /// <summary>A 200 whose body is not JSON at all (a proxy's HTML page).</summary>
    public static Reply Malformed() =>
        (request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><body>Bad gateway</body></html>", Encoding.UTF8, "text/html"),
            RequestMessage = request,
        });

    /// <summary>A 200 whose body stream breaks off while it is read.</summary>
    public static Reply BodyBreaksOff() =>
        (request, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("""{"status":"PROC"""))),
            RequestMessage = request,
        });

    /// <summary>Gives a few bytes, then fails as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] first) : MemoryStream(first)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position < Length)
            {
                return base.ReadAsync(buffer, cancellationToken);
            }

            throw new IOException("The connection was reset by the peer.");
        }
    }
}
