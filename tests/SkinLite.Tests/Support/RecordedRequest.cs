using System.Net.Http.Headers;

namespace SkinLite.Tests.Support;

/// <summary>A request as it reached the fake service: the body is read in full while the request was still alive.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    string Url,
    AuthenticationHeaderValue? Authorization,
    IReadOnlyList<string> Accept,
    MediaTypeHeaderValue? ContentType,
    byte[] Body)
{
    public static async Task<RecordedRequest> CaptureAsync(HttpRequestMessage request)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        return new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsoluteUri,
            request.Headers.Authorization,
            request.Headers.Accept.Select(a => a.ToString()).ToArray(),
            request.Content?.Headers.ContentType,
            body);
    }

    /// <summary>The parts of a <c>multipart/form-data</c> body, split on the boundary its Content-Type declares.</summary>
    public IReadOnlyList<MultipartPart> Parts()
    {
        Assert.NotNull(ContentType);
        Assert.Equal("multipart/form-data", ContentType.MediaType);
        string boundary = ContentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        return MultipartPart.Split(Body, boundary);
    }
}
