using System.Net;
using System.Text.Json;

namespace SkinLite;

/// <summary>Turns a non-2xx answer into the typed exception for its status, reading no more than a bounded prefix of the body.</summary>
internal static class ApiErrorReader
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

    public static async Task<SkinLiteApiException> ReadAsync(HttpResponseMessage response, CredentialRedactor redactor, TimeProvider time, CancellationToken cancellationToken)
    {
        string? errorCode = null;
        string? serviceMessage = null;
        string? excerpt;
        using (PooledBody body = await ResponseBody.ReadPrefixAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            if (!body.Truncated)
            {
                (errorCode, serviceMessage) = TryReadJsonError(body.Span);
            }

            excerpt = redactor.Redact(SkinLiteProtocolException.Excerpt(body.Span));
        }

        serviceMessage = redactor.Redact(serviceMessage);
        var details = new ApiErrorDetails(response.StatusCode, redactor.Redact(errorCode), serviceMessage, excerpt, redactor.Redact(RequestId(response)), RetryAfterHeader.Parse(response.Headers, time.GetUtcNow()));

        // The reason phrase comes from the network too: the whole message is redacted, not only the parts read from the body.
        string message = redactor.Redact(Describe(response, details))!;
        int status = (int)response.StatusCode;
        return status switch
        {
            401 or 403 => new SkinLiteAuthenticationException(details, message),
            404 => new SkinLiteNotFoundException(details, message),
            429 => new SkinLiteRateLimitException(details, message),
            >= 500 and <= 599 => new SkinLiteServerException(details, message),
            _ => new SkinLiteApiException(details, message),
        };
    }

    private static string Describe(HttpResponseMessage response, ApiErrorDetails details)
    {
        string what = $"{response.RequestMessage?.Method.Method ?? "The request"} {Path(response)} answered HTTP {(int)details.StatusCode} ({response.ReasonPhrase ?? details.StatusCode.ToString()})";
        string said = (details.ServiceMessage, details.ErrorCode) switch
        {
            ({ } m, { } c) => $": {m} [{c}]",
            ({ } m, null) => $": {m}",
            (null, { } c) => $": [{c}]",
            _ => string.Empty,
        };
        string hint = details.StatusCode == HttpStatusCode.Unauthorized ? " Check the access key (it is sent base64-encoded unless SendCredentialAsIs is set)." : string.Empty;
        return $"{what}{said}.{hint}";
    }

    private static string Path(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : "(unknown address)";

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (string value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>The error code and message of a JSON error body such as <c>{"message":"Usage Limit Exceeded","errorCode":"JR-1000"}</c>.</summary>
    private static (string? Code, string? Message) TryReadJsonError(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            string? code = null;
            string? message = null;
            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("errorCode"u8) || reader.ValueTextEquals("error_code"u8) || (code is null && reader.ValueTextEquals("code"u8)))
                {
                    reader.Read();
                    code = TolerantJsonValues.ReadText(ref reader, body) ?? code;
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = TolerantJsonValues.ReadText(ref reader, body);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = TolerantJsonValues.ReadText(ref reader, body);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return (code, message ?? error);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
