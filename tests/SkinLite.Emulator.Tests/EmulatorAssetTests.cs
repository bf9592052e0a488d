using System.Buffers.Binary;
using System.Net;
using SkinLite.Emulator.Server;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>
/// The images an emulated result references are served, as a CDN serves them: without a credential, as small PNGs that
/// differ per concern, while their job is remembered; through the fault plan like every other request.
/// </summary>
public sealed class EmulatorAssetTests
{
    [Fact]
    public async Task Every_image_a_result_references_is_a_png_served_without_a_credential_and_each_concern_has_its_own()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinAnalysis analysis = await FinishedAnalysisAsync(emulator);
        using var cdn = new HttpClient(emulator.CreateHandler());

        string[] urls = ReferencedUrls(analysis);
        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string url in urls)
        {
            using HttpResponseMessage response = await cdn.GetAsync(new Uri(url));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(body.AsSpan().StartsWith(TestPng.Signature), $"{url} is not a PNG");
            Assert.Equal(AssetImages.Side, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(16)));
            bodies[url] = body;
        }

        Assert.Equal(9, analysis.Concerns.Count); // the emulator's catalogue of concerns
        Assert.Equal(analysis.Concerns.Count, analysis.Concerns.Select(c => Convert.ToHexString(bodies[c.ImageUrl!])).Distinct().Count());
        Assert.Contains(analysis.Concerns, c => c.ImageUrl!.EndsWith("/dark circle.png", StringComparison.Ordinal)); // the service's own quirk: a space
        Assert.Equal(0, emulator.Stats.Polls - 1); // the asset fetches are not polls
    }

    [Fact]
    public async Task An_image_of_an_unknown_job_or_an_unreferenced_name_is_404()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinAnalysis analysis = await FinishedAnalysisAsync(emulator);
        using var cdn = new HttpClient(emulator.CreateHandler());
        string mask = analysis.CombineMaskedUrl!;

        using HttpResponseMessage otherJob = await cdn.GetAsync(new Uri(mask.Replace("/outputs/", "/outputs/no-such-job-", StringComparison.Ordinal)));
        using HttpResponseMessage otherName = await cdn.GetAsync(new Uri(mask.Replace("combine_mask.png", "..%2F..%2Fsecret.png", StringComparison.Ordinal)));
        using HttpResponseMessage known = await cdn.GetAsync(new Uri(mask));

        Assert.Equal(HttpStatusCode.NotFound, otherJob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Fact]
    public async Task An_image_meets_the_fault_plan_like_any_request()
    {
        // submit ok, poll ok, then the first image fetch is a 503 and the second is served.
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("ok,ok,503,ok"));
        SkinAnalysis analysis = await FinishedAnalysisAsync(emulator);
        using var cdn = new HttpClient(emulator.CreateHandler());

        using HttpResponseMessage first = await cdn.GetAsync(new Uri(analysis.CombineMaskedUrl!));
        using HttpResponseMessage second = await cdn.GetAsync(new Uri(analysis.CombineMaskedUrl!));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Over_the_server_an_image_comes_with_its_content_type_and_length()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        SkinLiteClient client = Emulated.Client(new SocketsHttpHandler(), server.BaseAddressFor(SkinLiteApi.Private), SkinLiteApi.Private);
        SkinAnalysis analysis = (await client.AnalyzeAsync(Emulated.Face())).Result;
        using var cdn = new HttpClient();

        using HttpResponseMessage response = await cdn.GetAsync(new Uri(analysis.Concerns.First(c => c.ImageUrl!.Contains(' ', StringComparison.Ordinal)).ImageUrl!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.True(body.AsSpan().StartsWith(TestPng.Signature));
    }

    private static async Task<SkinAnalysis> FinishedAnalysisAsync(SkinAnalysisEmulator emulator)
    {
        SkinLiteClient client = Emulated.Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face());
        return (await client.GetOutcomeAsync(job)).Result;
    }

    private static string[] ReferencedUrls(SkinAnalysis analysis) =>
    [
        analysis.InputImageUrl!, analysis.CombineMaskedUrl!, analysis.FacialHairUrl!,
        analysis.Zones.TZone!.ImageUrl!, analysis.Zones.UZone!.ImageUrl!,
        .. analysis.Concerns.Select(c => c.ImageUrl!),
    ];
}
