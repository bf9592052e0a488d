using System.Net;
using System.Text;

namespace SkinLite.AotSmoke;

/// <summary>
/// Answers the submit and each result call from memory (the result documents in turn, the last one repeated), so the
/// whole client path runs natively without a network.
/// </summary>
internal sealed class CannedHandler(string submitAnswer, params string[] resultDocuments) : HttpMessageHandler
{
    private int _polls;

    public List<string> Seen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Seen.Add($"{request.Method} {request.RequestUri?.AbsoluteUri} {request.Headers.Authorization} {body.Length}");
        string answer = request.Method == HttpMethod.Post
            ? submitAnswer
            : resultDocuments[Math.Min(_polls++, resultDocuments.Length - 1)];
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
