using System.Net;
using System.Net.Http.Headers;

namespace SkinLite.Emulator;

/// <summary>The emulator in process: answers requests without sockets. A dropped connection surfaces as the <see cref="HttpRequestException"/> a real one gives.</summary>
internal sealed class EmulatorHandler : HttpMessageHandler
{
    private readonly SkinAnalysisEmulator _emulator;

    public EmulatorHandler(SkinAnalysisEmulator emulator) => _emulator = emulator;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new InvalidOperationException("The request has no absolute URL; give the HttpClient or SkinLiteClientOptions a base address (SkinAnalysisEmulator.BaseAddressFor).");
        }

        byte[]? body = [];
        if (request.Content is not null)
        {
            Stream stream = await request.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = await RequestBody.ReadAsync(stream, request.Content.Headers.ContentLength, _emulator.Options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
            }
        }

        var received = new EmulatorRequest(
            request.Method.Method,
            uri,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body ?? ReadOnlyMemory<byte>.Empty);
        EmulatorAnswer answer = body is null
            ? _emulator.TooLarge()
            : await _emulator.HandleAsync(received, cancellationToken).ConfigureAwait(false);

        if (answer.Delivery == Delivery.Drop)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The emulator dropped the connection before answering (injected 'drop' fault).");
        }

        HttpContent content = answer.Delivery == Delivery.Truncate ? new TruncatedContent(answer.Body, answer.TruncatedLength) : new ByteArrayContent(answer.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { RequestMessage = request, Content = content };
        if (answer.RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", answer.RetryAfter);
        }

        return response;
    }
}
