using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace SkinLite.Tests.Support;

/// <summary>
/// The Skin Analysis service, in process: every request is recorded (body included) and answered by the current
/// responder. Nothing here can reach a network.
/// </summary>
internal sealed class FakeService : IDisposable
{
    public const string AppId = "app-7f3a";
    public const string Credential = "sk-live-Ab3dEf9Gh1Jk";
    public static readonly string EncodedCredential = Convert.ToBase64String(Encoding.UTF8.GetBytes(Credential));

    private readonly MockHttpMessageHandler _mock = new();
    private Func<HttpRequestMessage, HttpResponseMessage> _respond = _ => Json(HttpStatusCode.OK, "{}");

    public FakeService()
    {
        _mock.Fallback.Respond(async request =>
        {
            Requests.Add(await RecordedRequest.CaptureAsync(request));
            HttpResponseMessage response = _respond(request);
            response.RequestMessage = request;
            return response;
        });
        HttpClient = _mock.ToHttpClient();
    }

    public List<RecordedRequest> Requests { get; } = [];

    public HttpClient HttpClient { get; }

    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public SkinLiteClient CreateClient(SkinLiteApi api = SkinLiteApi.Private, Action<SkinLiteClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SkinLiteClientOptions
        {
            Api = api,
            AppId = api == SkinLiteApi.Transformation ? null : AppId,
            Credential = Credential,
        };
        configure?.Invoke(options);
        return new SkinLiteClient(HttpClient, options, time, null);
    }

    public void Respond(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    public void RespondJson(string json, HttpStatusCode status = HttpStatusCode.OK) => _respond = _ => Json(status, json);

    public void RespondJson(byte[] utf8Json, HttpStatusCode status = HttpStatusCode.OK) =>
        _respond = _ => new HttpResponseMessage(status) { Content = new ByteArrayContent(utf8Json) { Headers = { ContentType = new("application/json") } } };

    public void Dispose()
    {
        HttpClient.Dispose();
        _mock.Dispose();
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
