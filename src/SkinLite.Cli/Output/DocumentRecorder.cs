namespace SkinLite.Cli.Output;

/// <summary>
/// Keeps the body of the last successful GET (a result fetch) for --save-document: the exact bytes the library then
/// parses, without any change to the library. Only in the pipeline when --save-document was given; the body is
/// buffered up to <see cref="SavedDocument.MaxBytes"/>, beyond which the fetch fails rather than filling memory.
/// </summary>
internal sealed class DocumentRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private byte[]? _last;

    /// <summary>The body of the last successful result fetch, or <see langword="null"/> before one.</summary>
    public byte[]? Last => Volatile.Read(ref _last);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode)
        {
            await response.Content.LoadIntoBufferAsync(SavedDocument.MaxBytes, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _last, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }

        return response;
    }
}
