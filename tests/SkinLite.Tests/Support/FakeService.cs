using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace SkinLite.Tests.Support;

/// <summary>
/// The Skin Analysis service, in process: every request is recorded (body included, parsed into headers and multipart
/// parts by <see cref="RecordedRequest"/>) and answered by the one current responder, or fails with an injected transport
/// fault; <see cref="CreateClient"/> wires a client with known credentials. For tests of what a single call sends and
/// how a single answer or fault maps to a result or an error. Tests of sequences over fake time (a script of answers per
/// route, requests timed, replies that hang) use SkinLite.TestSupport's <see cref="ScriptedHandler"/> instead; both build
/// their JSON answers with <see cref="Answers.Json"/>. Nothing here can reach a network.
/// </summary>
internal sealed class FakeService : IDisposable
{
    public const string AppId = "app-7f3a";
    public const string Credential = "sk-live-Ab3dEf9Gh1Jk";
    public static readonly string EncodedCredential = Convert.ToBase64String(Encoding.UTF8.GetBytes(Credential));

    private readonly MockHttpMessageHandler _mock = new();
    private Func<HttpRequestMessage, HttpResponseMessage> _respond = _ => Json(HttpStatusCode.OK, "{}");
    private Exception? _fault;
    private int _faultsLeft;

    public FakeService()
    {
        _mock.Fallback.Respond(request =>
        {
            HttpResponseMessage response = _respond(request);
            response.RequestMessage = request;
            return response;
        });
        HttpClient = new HttpClient(new RecordingHandler(this) { InnerHandler = _mock });
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

    /// <summary>Makes the next <paramref name="times"/> requests fail the way <see cref="HttpClient"/> reports a transport failure, after they were recorded.</summary>
    public void Fail(Exception fault, int times = int.MaxValue)
    {
        _fault = fault;
        _faultsLeft = times;
    }

    public void RespondJson(string json, HttpStatusCode status = HttpStatusCode.OK) => _respond = _ => Json(status, json);

    public void RespondJson(byte[] utf8Json, HttpStatusCode status = HttpStatusCode.OK) =>
        _respond = _ => new HttpResponseMessage(status) { Content = new ByteArrayContent(utf8Json) { Headers = { ContentType = new("application/json") } } };

    public void Dispose()
    {
        HttpClient.Dispose();
        _mock.Dispose();
    }

    /// <summary>
    /// Records each request before the mock answers it, and throws an injected fault here: a fault thrown from inside a
    /// MockHttp responder is not passed on to the caller.
    /// </summary>
    private sealed class RecordingHandler(FakeService service) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            service.Requests.Add(await RecordedRequest.CaptureAsync(request));
            if (service._fault is { } fault && service._faultsLeft > 0)
            {
                service._faultsLeft--;
                throw fault;
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => Answers.Json(status, json);
}
