using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using RichardSzalay.MockHttp;

namespace SkinLite.Reports.Tests.Saving.Support;

/// <summary>
/// An image host in memory (MockHttp): answers every request with <see cref="Respond"/> (a PNG by default), records each
/// request with its headers, and measures how many were in flight at once.
/// </summary>
internal sealed class FakeCdn : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private int _inFlight;
    private int _maxInFlight;

    public FakeCdn()
    {
        _mock.When("*").Respond(async request =>
        {
            Requests.Enqueue(new Seen(request.RequestUri!, request.Headers.Authorization, request.Headers.Accept.ToString(), request.Headers.Contains("Cookie")));
            int now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            try
            {
                return await Respond(request).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
    }

    /// <summary>What a request was sent with.</summary>
    public sealed record Seen(Uri Uri, AuthenticationHeaderValue? Authorization, string Accept, bool HasCookie);

    public ConcurrentQueue<Seen> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Func<HttpRequestMessage, Task<HttpResponseMessage>> Respond { get; set; } = _ => Task.FromResult(Png());

    public HttpClient Client() => _mock.ToHttpClient();

    public AssetDownloader Downloader(AssetDownloadOptions? options = null) =>
        new(Client(), options) { Delay = (_, _) => Task.CompletedTask };

    public static HttpResponseMessage Png(byte shade = 0x80) => Image(TestPng.Create(8, 8, shade), "image/png");

    public static HttpResponseMessage Image(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static HttpResponseMessage Redirect(string location, HttpStatusCode status = HttpStatusCode.Found)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    public void Dispose() => _mock.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
