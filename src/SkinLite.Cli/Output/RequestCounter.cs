namespace SkinLite.Cli.Output;

/// <summary>
/// Counts the result fetches (GETs) that pass through, for the progress line: the library's wait does not expose its
/// poll count while it runs, and a handler sees every attempt, retries included.
/// </summary>
internal sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _polls;

    public int Polls => Volatile.Read(ref _polls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
        {
            Interlocked.Increment(ref _polls);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
