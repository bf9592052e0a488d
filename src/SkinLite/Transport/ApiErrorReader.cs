namespace SkinLite;

/// <summary>
/// Reads what a non-2xx answer says about the error, from no more than a bounded prefix of its body. The text is as the
/// network sent it: <see cref="ServiceChannel"/> removes the credential before anything leaves it.
/// </summary>
internal static class ApiErrorReader
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

    public static async Task<ApiErrorDetails> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        string? errorCode = null;
        string? serviceMessage = null;
        string? excerpt;
        using (PooledBody body = await ResponseBody.ReadPrefixAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            if (!body.Truncated)
            {
                (errorCode, serviceMessage) = ErrorBodyReader.Read(body.Span);
            }

            excerpt = SkinLiteProtocolException.Excerpt(body.Span);
        }

        return new ApiErrorDetails(response.StatusCode, errorCode, serviceMessage, excerpt, RequestId(response), RetryAfterHeader.Parse(response.Headers, time.GetUtcNow()));
    }

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
}
