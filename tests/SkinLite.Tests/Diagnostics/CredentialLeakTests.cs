using System.Diagnostics;
using System.Net;
using System.Text;
using SkinLite.Tests.Polling;

namespace SkinLite.Tests.Diagnostics;

/// <summary>
/// The fake service echoes the Authorization header back everywhere an answer can carry text: the body, the
/// reason phrase, a request-id header and the error message. None of it may reach a log line, an exception or a span.
/// </summary>
public sealed class CredentialLeakTests
{
    public static TheoryData<string> Paths => new(Scripts.Keys);

    private static readonly Dictionary<string, Action<ScriptedHandler>> Scripts = new()
    {
        ["success"] = h => h.OnSubmit(Echo(HttpStatusCode.Created, Accepted)).OnPoll(Echo(HttpStatusCode.OK, Pending), Succeeded()),
        ["rejection"] = h => h.OnSubmit(Echo(HttpStatusCode.Created, Accepted)).OnPoll(Echo(HttpStatusCode.OK, Rejected)),
        ["401 on submit"] = h => h.OnSubmit(Echo(HttpStatusCode.Unauthorized, Error)),
        ["401 on poll"] = h => h.OnSubmit(Echo(HttpStatusCode.Created, Accepted)).OnPoll(Echo(HttpStatusCode.Unauthorized, Error)),
        ["5xx on submit"] = h => h.OnSubmit(Echo(HttpStatusCode.InternalServerError, Error)),
        ["5xx on poll until the deadline"] = h => h.OnSubmit(Echo(HttpStatusCode.Created, Accepted)).OnPoll(Echo(HttpStatusCode.BadGateway, Error)),
        ["429 on poll then garbage"] = h => h.OnSubmit(Echo(HttpStatusCode.Created, Accepted)).OnPoll(Echo(HttpStatusCode.TooManyRequests, Error), Echo(HttpStatusCode.OK, Garbage)),
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_credential_never_appears_in_logs_exceptions_or_spans(string path)
    {
        using var capture = new ActivityCapture();
        using var logs = new CapturingLoggerProvider();
        using var harness = new WaitingHarness(new PollingOptions { Deadline = TimeSpan.FromSeconds(40) }, logs);
        Scripts[path](harness.Handler);
        var texts = new List<string>();

        try
        {
            AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(TestPng.Create(), "face.png"));
            texts.Add(outcome.ToString());
            texts.Add(outcome.Message ?? string.Empty);
        }
        catch (SkinLiteException error)
        {
            texts.Add(error.ToString());
            if (error is SkinLiteApiException api)
            {
                texts.Add(api.BodyExcerpt ?? string.Empty);
                texts.Add(api.ServiceMessage ?? string.Empty);
                texts.Add(api.Details.ToString());
            }

            if (error.InnerException is SkinLiteApiException inner)
            {
                texts.Add(inner.BodyExcerpt ?? string.Empty);
                texts.Add(inner.Details.ToString());
            }
        }

        // The echo really happened: the service saw the credential and sent it back.
        Assert.All(harness.Handler.Seen, r => Assert.Equal($"Bearer {WaitingHarness.EncodedCredential}", r.Authorization));
        Assert.NotEmpty(capture.Stopped);
        texts.AddRange(logs.Lines.Select(l => l.AllText));
        texts.AddRange(capture.Stopped.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.StatusDescription ?? string.Empty).Append(a.DisplayName)));
        texts.Add(harness.Options.ToString());
        foreach (string text in texts)
        {
            Assert.False(text.Contains(WaitingHarness.Credential, StringComparison.Ordinal), $"The credential leaked into: {text}");
            Assert.False(text.Contains(WaitingHarness.EncodedCredential, StringComparison.Ordinal), $"The encoded credential leaked into: {text}");
        }
    }

    private static string Accepted(string token) => $$"""{"_id":"pred-leak","scanId":"scan-leak","status":"ACCEPTED","note":"{{token}}"}""";

    private static string Pending(string token) => $$"""{"status":"PROCESSING","debug":"{{token}}"}""";

    private static string Rejected(string token) => $$$"""{"status":"SUCCESS","output":{"error":"No face detected for {{{token}}}","status_code":422}}""";

    private static string Error(string token) => $$"""{"message":"bad key {{token}}","errorCode":"{{token}}","error":"{{token}}"}""";

    private static string Garbage(string token) => $"<html>{token}";

    private static Reply Succeeded() => Replies.Succeeded();

    /// <summary>Answers with the caller's own token (plain and decoded) in every text field an answer has.</summary>
    private static Reply Echo(HttpStatusCode status, Func<string, string> body) =>
        (request, _) =>
        {
            string sent = request.Headers.Authorization?.Parameter ?? string.Empty;
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(sent));
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(body($"{sent} {decoded}"), Encoding.UTF8, "application/json"),
                ReasonPhrase = $"Echo {sent} {decoded}",
                RequestMessage = request,
            };
            response.Headers.TryAddWithoutValidation("x-request-id", $"{sent}");
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
            return Task.FromResult(response);
        };
}
