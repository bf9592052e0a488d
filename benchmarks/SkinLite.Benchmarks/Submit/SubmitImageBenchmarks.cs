using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using SkinLite.Benchmarks.Baselines;
using SkinLite.Benchmarks.Documents;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Submit;

/// <summary>
/// Group 4 of the issue (submit): uploading a 5 MB image file. Target: allocated bytes during the upload at most 0.2x the
/// image size (streamed), against the naive <c>ByteArrayContent(File.ReadAllBytes(...))</c> a vendor SDK would use.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("submit")]
public class SubmitImageBenchmarks
{
    /// <summary>5 MB, the service's limit (5 x 1024 x 1024 bytes is the safe reading; stay just under it).</summary>
    public const int ImageBytes = 5 * 1000 * 1000;

    private string _imagePath = "";
    private DrainingHandler _handler = null!;
    private HttpClient _http = null!;
    private SkinLiteClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _imagePath = Path.Combine(Path.GetTempPath(), $"skinlite-bench-{Environment.ProcessId}-submit.png");
        File.WriteAllBytes(_imagePath, TestPng.OfSize(ImageBytes));

        _handler = new DrainingHandler(BenchmarkDocuments.Accepted);
        _http = new HttpClient(_handler);
        _client = new SkinLiteClient(_http, new SkinLiteClientOptions { Api = SkinLiteApi.Transformation, Credential = "benchmark-key" });
        SkinAnalysisJob job = SkinLite().GetAwaiter().GetResult();
        if (_handler.LastBodyLength < ImageBytes || string.IsNullOrEmpty(job.PredictionId))
        {
            throw new InvalidOperationException($"The upload sent {_handler.LastBodyLength} bytes for a {ImageBytes}-byte image.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        File.Delete(_imagePath);
    }

    [Benchmark(Baseline = true, Description = "naive: ByteArrayContent(File.ReadAllBytes)")]
    public async Task<PlainPrediction?> Naive()
    {
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(await File.ReadAllBytesAsync(_imagePath).ConfigureAwait(false));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "input.image", Path.GetFileName(_imagePath));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.pixelbin.io/service/platform/transformation/v1.0/predictions/skinAnalysisInt/generate") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "YmVuY2htYXJrLWtleQ==");
        using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return Serializers.StjSourceGenerated(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    [Benchmark(Description = "SkinLite SubmitAsync(path)")]
    public Task<SkinAnalysisJob> SkinLite() => _client.SubmitAsync(_imagePath);
}
