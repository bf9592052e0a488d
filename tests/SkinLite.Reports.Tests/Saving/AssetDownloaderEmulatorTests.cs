using System.Text.Json;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>End to end over 127.0.0.1: analyse with the emulator server, save, read back.</summary>
public sealed class AssetDownloaderEmulatorTests
{
    [Fact]
    public async Task Every_image_of_an_emulated_document_is_saved_as_a_png_and_the_folder_reads_back()
    {
        await using EmulatedService service = await EmulatedService.StartAsync();
        AnalysisOutcome outcome = await service.Client.AnalyzeAsync(EmulatedService.Face());
        Assert.True(outcome.IsSucceeded, outcome.ToString());
        byte[] document = service.LastDocument!;
        using var folder = new TempFolder();
        using var downloader = new AssetDownloader();

        SavedAnalysis saved = await downloader.SaveAsync(document, folder.Path);

        string[] fields =
        [
            "input.image", "output.skinData.inputImage", "output.skinData.combine_masked_url", "output.skinData.facial_hair_url",
            "output.skinData.zones.t_zone.image", "output.skinData.zones.u_zone.image",
            .. Enumerable.Range(0, outcome.Result.Concerns.Count).Select(i => $"output.skinData.concerns[{i}].image"),
        ];
        Assert.True(saved.IsComplete, string.Join("; ", saved.Assets));
        Assert.Equal(fields.Order(StringComparer.Ordinal), saved.Assets.Select(a => a.Field).Order(StringComparer.Ordinal));
        Assert.True(saved.IsEmulated);
        Assert.Equal(saved.Assets.Count, saved.Assets.Select(a => a.FileName).Distinct().Count());
        SavedAsset spaced = Assert.Single(saved.Assets, a => a.Url.Contains(' ', StringComparison.Ordinal)); // the service's "dark circle.jpg" quirk
        Assert.Matches("^images/concern-0[0-9]-[a-z0-9-]+\\.png$", spaced.FileName);
        Assert.Equal(document, await File.ReadAllBytesAsync(Path.Combine(folder.Path, "document.json")));

        SavedAnalysis loaded = SavedAnalysis.Load(folder.Path);
        Assert.Equal(saved.Assets.Select(a => (a.Field, a.Url, a.FileName, a.Sha256)), loaded.Assets.Select(a => (a.Field, a.Url, a.FileName, a.Sha256)));
        Assert.Equal(document, loaded.ReadDocument());
        foreach (string field in fields)
        {
            SavedAsset asset = loaded.Find(field) ?? throw new Xunit.Sdk.XunitException($"{field} not saved");
            byte[] bytes = await File.ReadAllBytesAsync(loaded.PathOf(asset));
            Assert.True(bytes.AsSpan().StartsWith(TestPng.Signature), $"{field} is not a PNG");
            Assert.Equal("image/png", asset.MediaType);
            Assert.Equal(bytes.Length, asset.Length);
        }

        using JsonDocument json = JsonDocument.Parse(document);
        Assert.Equal(json.RootElement.GetProperty("input").GetProperty("image").GetString(), loaded.Find("input.image")!.Url);
        // The photo a report and a batch index show: the analysed input, which the document gives besides the upload.
        Assert.Equal(json.RootElement.GetProperty("output").GetProperty("skinData").GetProperty("inputImage").GetString(), loaded.InputPhoto!.Url);
    }

    [Fact]
    public async Task A_succeeded_outcome_from_analyze_is_saved_with_its_images_and_parses_back_to_the_same_result()
    {
        await using EmulatedService service = await EmulatedService.StartAsync();
        AnalysisOutcome outcome = await service.Client.AnalyzeAsync(EmulatedService.Face());
        using var folder = new TempFolder();
        using var downloader = new AssetDownloader();

        SavedAnalysis saved = await downloader.SaveAsync(outcome, folder.Path);

        Assert.True(saved.IsComplete, string.Join("; ", saved.Assets));
        // An outcome keeps no upload (input.image), so the analysed input is the photo.
        Assert.Null(saved.Find("input.image"));
        Assert.Equal(outcome.Result.InputImageUrl, saved.InputPhoto!.Url);
        Assert.Equal(5 + outcome.Result.Concerns.Count, saved.Assets.Count); // no input.image: the outcome does not keep it
        AnalysisOutcome back = AnalysisOutcome.Parse(saved.ReadDocument());
        Assert.True(back.IsSucceeded);
        Assert.Equal(outcome.Result.TotalSkinScore, back.Result.TotalSkinScore);
        Assert.Equal(outcome.Result.OutputUtf8Json.ToArray(), back.Result.OutputUtf8Json.ToArray());
        Assert.Equal(outcome.ConsumedCredits, back.ConsumedCredits);
        Assert.True(saved.IsEmulated);
    }

    [Fact]
    public async Task A_second_save_against_the_emulator_makes_no_image_request()
    {
        await using EmulatedService service = await EmulatedService.StartAsync();
        AnalysisOutcome outcome = await service.Client.AnalyzeAsync(EmulatedService.Face());
        using var folder = new TempFolder();
        var counter = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var downloader = new AssetDownloader(new HttpClient(counter));

        await downloader.SaveAsync(service.LastDocument!, folder.Path);
        int first = counter.Count;
        SavedAnalysis second = await downloader.SaveAsync(service.LastDocument!, folder.Path);

        Assert.True(second.IsComplete);
        Assert.Equal(second.Assets.Count, first);
        Assert.Equal(first, counter.Count);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
