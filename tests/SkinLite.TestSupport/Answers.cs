using System.Net;
using System.Text;

namespace SkinLite.TestSupport;

/// <summary>The service's JSON answers as the fakes send them: UTF-8 <c>application/json</c>, any status, any extra headers.</summary>
public static class Answers
{
    /// <summary>One answer. Headers are added without validation, as a server may send them garbled.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>A scripted <see cref="Reply"/> that makes the same answer anew for each request it is given.</summary>
    public static Reply JsonReply(string body, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        (request, _) =>
        {
            HttpResponseMessage response = Json(status, body, headers);
            response.RequestMessage = request;
            return Task.FromResult(response);
        };
}
