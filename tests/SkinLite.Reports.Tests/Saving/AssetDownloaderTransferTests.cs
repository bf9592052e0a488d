using System.Net;
using System.Text;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>Each download is capped, checked to be an image, retried when the fault is transient, timed out, and written atomically.</summary>
public sealed class AssetDownloaderTransferTests
{
    private static readonly byte[] OneInput = Documents.Success(input: Documents.Cdn + "input.png");

    [Fact]
    public async Task A_file_larger_than_the_cap_by_its_content_length_is_not_saved()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(FakeCdn.Image(TestPng.OfSize(2_000, 8, 8), "image/png"));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxBytesPerFile = 1_000 });

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Equal("The image is 2000 bytes, larger than the 1000-byte cap.", input.Error);
        Assert.Empty(Folder.Files(Path.Combine(folder.Path, "images")));
    }

    [Fact]
    public async Task A_file_without_content_length_is_cut_off_at_the_cap_while_streaming()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ForwardOnlyStream(TestPng.OfSize(300_000, 8, 8))) });
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxBytesPerFile = 100_000 });

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Equal("The image is larger than the 100000-byte cap.", input.Error);
        Assert.Empty(Folder.Files(Path.Combine(folder.Path, "images")));
    }

    [Fact]
    public async Task A_file_at_the_cap_is_saved()
    {
        byte[] png = TestPng.OfSize(1_000, 8, 8);
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ForwardOnlyStream(png)) });
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxBytesPerFile = 1_000 });

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Saved, input.Status);
        Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(folder.Path, "images", "input.png")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), input.Sha256);
    }

    [Theory]
    [InlineData("<html><body>Access denied</body></html>", "text/html")]
    [InlineData("{\"error\":\"expired\"}", "application/json")]
    [InlineData("{\"error\":\"expired\"}", "image/png")]
    public async Task A_body_that_is_not_an_image_fails_and_is_not_saved(string body, string contentType)
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(FakeCdn.Image(Encoding.UTF8.GetBytes(body), contentType));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.StartsWith("Not an image", input.Error, StringComparison.Ordinal);
        Assert.Contains(contentType, input.Error, StringComparison.Ordinal);
        Assert.Empty(Folder.Files(Path.Combine(folder.Path, "images")));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "images/input.jpg", "image/jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 9, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0 }, "images/input.webp", "image/webp")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "images/input.gif", "image/gif")]
    public async Task The_extension_and_media_type_come_from_the_first_bytes(byte[] body, string fileName, string mediaType)
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(FakeCdn.Image(body, "application/octet-stream"));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(fileName, input.FileName);
        Assert.Equal(mediaType, input.MediaType);
    }

    [Fact]
    public async Task An_empty_body_fails()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(FakeCdn.Image([], "image/png"));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Contains("empty", input.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_then_a_200_is_saved_after_a_retry_honouring_retry_after()
    {
        using var cdn = new FakeCdn();
        int calls = 0;
        cdn.Respond = _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return Task.FromResult(busy);
            }

            return Task.FromResult(FakeCdn.Png());
        };
        var waits = new List<TimeSpan>();
        using var folder = new TempFolder();
        using var downloader = new AssetDownloader(cdn.Client()) { Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; } };

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Saved, input.Status);
        Assert.Equal(2, calls);
        Assert.Equal([TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task A_429_asking_for_a_long_wait_is_retried_after_the_short_backoff_instead()
    {
        using var cdn = new FakeCdn();
        int calls = 0;
        cdn.Respond = _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
                return Task.FromResult(busy);
            }

            return Task.FromResult(FakeCdn.Png());
        };
        var waits = new List<TimeSpan>();
        using var folder = new TempFolder();
        using var downloader = new AssetDownloader(cdn.Client()) { Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; } };

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Saved, input.Status);
        TimeSpan wait = Assert.Single(waits);
        Assert.True(wait <= AssetFetcher.MaxRetryAfter, $"waited {wait}");
    }

    [Fact]
    public async Task A_404_is_not_retried_and_a_persistent_503_fails_after_max_attempts()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = request => Task.FromResult(new HttpResponseMessage(request.RequestUri!.AbsolutePath.EndsWith("input.png", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.ServiceUnavailable));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxAttempts = 3, MaxConcurrency = 1 });

        SavedAnalysis saved = await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "input.png", mask: Documents.Cdn + "mask.png"), folder.Path);

        Assert.Equal("The image host answered HTTP 404 (Not Found).", saved.Assets[0].Error);
        Assert.Equal("Failed after 3 attempts: the image host answered HTTP 503 (Service Unavailable).", saved.Assets[1].Error);
        Assert.Equal(4, cdn.Requests.Count);
    }

    [Fact]
    public async Task A_download_that_outlasts_the_per_file_timeout_fails_and_leaves_nothing()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HangingStream(TestPng.Create(8, 8), breaks: false)) });
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 });

        SavedAsset input = Assert.Single((await downloader.SaveAsync(OneInput, folder.Path)).Assets);

        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Equal("Failed after 2 attempts: the download timed out after 0.2 seconds.", input.Error);
        Assert.Equal(2, cdn.Requests.Count);
        Assert.Empty(Folder.Files(Path.Combine(folder.Path, "images")));
    }

    [Fact]
    public async Task A_connection_broken_mid_stream_leaves_no_file_with_the_final_name_and_no_part_file()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HangingStream(TestPng.Create(64, 64), breaks: true)) });
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(OneInput, folder.Path);

        SavedAsset input = Assert.Single(saved.Assets);
        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Contains("connection broke", input.Error, StringComparison.Ordinal);
        Assert.Equal(3, cdn.Requests.Count);
        Assert.Equal(["document.json", "manifest.json"], Folder.Files(folder.Path));
    }

    [Fact]
    public async Task No_more_than_max_concurrency_downloads_are_in_flight()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = async _ =>
        {
            await Task.Delay(30);
            return FakeCdn.Png();
        };
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxConcurrency = 3 });

        SavedAnalysis saved = await downloader.SaveAsync(Documents.WithConcerns(14), folder.Path);

        Assert.True(saved.IsComplete);
        Assert.Equal(16, cdn.Requests.Count);
        Assert.InRange(cdn.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task Cancellation_throws_and_leaves_no_part_files()
    {
        using var cdn = new FakeCdn();
        using var cancel = new CancellationTokenSource();
        int started = 0;
        cdn.Respond = _ =>
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                cancel.CancelAfter(50);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HangingStream(TestPng.Create(8, 8), breaks: false)) });
        };
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.SaveAsync(Documents.WithConcerns(6), folder.Path, cancel.Token));

        Assert.Empty(Folder.PartFiles(folder.Path));
        Assert.Empty(Folder.Files(folder.Path)); // no image, and no document or manifest: those are written last
    }
}
