using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace SkinLite.Emulator.Server;

/// <summary>Hands each Kestrel request to the engine and writes its answer; a dropped answer resets the connection for real, a cut one closes it partway through the body.</summary>
internal static class EmulatorEndpoint
{
    public static async Task HandleAsync(HttpContext context, SkinAnalysisEmulator emulator)
    {
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        try
        {
            byte[]? body = await RequestBody.ReadAsync(request.Body, request.ContentLength, emulator.Options.MaxRequestBytes, aborted).ConfigureAwait(false);
            EmulatorAnswer answer = body is null
                ? emulator.TooLarge()
                : await emulator.HandleAsync(new EmulatorRequest(request.Method, new Uri(request.GetEncodedUrl()), request.Headers.Authorization, request.ContentType, body), aborted).ConfigureAwait(false);
            await WriteAsync(context, answer, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away (e.g. its timeout during a slow answer): nobody is left to answer.
        }
    }

    private static async Task WriteAsync(HttpContext context, EmulatorAnswer answer, CancellationToken aborted)
    {
        if (answer.Delivery == Delivery.Drop)
        {
            context.Abort();
            return;
        }

        HttpResponse response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        if (answer.RetryAfter is not null)
        {
            response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Delivery == Delivery.Truncate)
        {
            // The declared length promises the whole body; only the first part is written. Returning short of it is
            // what cuts the body: Kestrel cannot keep a connection whose framing is broken, so it sends what was written
            // and then closes, and the client reads the status, the headers, part of the document and the end of the
            // stream. Abort() instead resets the connection at once and throws away what is still queued for the
            // socket, headers included: the client would see a drop, not a cut body.
            await response.Body.WriteAsync(answer.Body.AsMemory(0, answer.TruncatedLength), aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            return;
        }

        await response.Body.WriteAsync(answer.Body, aborted).ConfigureAwait(false);
    }
}
