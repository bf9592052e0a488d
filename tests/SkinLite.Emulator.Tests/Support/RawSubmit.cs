using System.Net.Http.Headers;
using System.Text;

namespace SkinLite.Emulator.Tests.Support;

/// <summary>Submits and reads by hand, to see the exact status, headers and body an answer carries.</summary>
internal static class RawSubmit
{
    public static string Bearer(string credential = SkinAnalysisEmulator.DefaultCredential) => Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));

    /// <summary>A private-family submit of <paramref name="image"/> in the <c>input.image</c> part, as SkinLite sends it.</summary>
    public static HttpRequestMessage Request(Uri origin, byte[] image)
    {
        var part = new ByteArrayContent(image);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"input.image\"", FileName = "\"face.png\"" };
        var form = new MultipartFormDataContent { part };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, $"/service/private/misc/v2.0/sa-predictions/apps/{SkinAnalysisEmulator.DefaultAppId}/plugins/skinAnalysisInt/generate")) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer());
        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri origin, byte[] image)
    {
        using HttpRequestMessage request = Request(origin, image);
        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> StatsAsync(HttpClient http, Uri origin, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(origin, SkinAnalysisEmulator.StatsPath));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }
}
