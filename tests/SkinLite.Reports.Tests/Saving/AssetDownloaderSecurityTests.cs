using System.Net.Http.Headers;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>The access key never reaches the image host, only https is fetched, redirects only to https, and hostile names stay in the folder.</summary>
public sealed class AssetDownloaderSecurityTests
{
    [Fact]
    public async Task No_asset_request_carries_an_authorization_header_or_cookie_and_each_asks_for_an_image()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(Documents.WithConcerns(3), folder.Path);

        Assert.True(saved.IsComplete);
        Assert.Equal(5, cdn.Requests.Count);
        Assert.All(cdn.Requests, r =>
        {
            Assert.Null(r.Authorization);
            Assert.False(r.HasCookie);
            Assert.Equal("image/*", r.Accept);
        });
    }

    [Fact]
    public void A_caller_client_that_sends_an_authorization_header_is_refused()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret");

        ArgumentException refused = Assert.Throws<ArgumentException>(() => new AssetDownloader(http));

        Assert.Contains("not the API's", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 0, "MaxConcurrency")]
    [InlineData(4, 0, 1, 1, 0, "MaxBytesPerFile")]
    [InlineData(4, 1, 0, 1, 0, "Timeout")]
    [InlineData(4, 1, 1, 0, 0, "MaxAttempts")]
    [InlineData(4, 1, 1, 1, -1, "MaxRedirects")]
    public void Options_out_of_range_are_refused_with_their_name(int concurrency, long bytes, int seconds, int attempts, int redirects, string name)
    {
        var options = new AssetDownloadOptions
        {
            MaxConcurrency = concurrency, MaxBytesPerFile = bytes, Timeout = TimeSpan.FromSeconds(seconds), MaxAttempts = attempts, MaxRedirects = redirects,
        };

        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(() => new AssetDownloader(options));

        Assert.Equal(name, refused.ParamName);
    }

    [Fact]
    public async Task An_http_url_to_another_host_is_refused_and_never_requested()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(Documents.Success(input: "http://cdn.test/input.png", mask: "file:///etc/passwd"), folder.Path);

        Assert.Empty(cdn.Requests);
        Assert.All(saved.Assets, a => Assert.Equal(SavedAssetStatus.Refused, a.Status));
        Assert.Contains("only https", saved.Assets[0].Error, StringComparison.Ordinal);
        Assert.Equal(["document.json", "manifest.json"], Folder.Files(folder.Path));
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_and_not_followed()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = request => Task.FromResult(request.RequestUri!.Scheme == "https" ? FakeCdn.Redirect("http://cdn.test/plain.png") : FakeCdn.Png());
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "input.png"), folder.Path);

        SavedAsset input = Assert.Single(saved.Assets);
        Assert.Equal(SavedAssetStatus.Refused, input.Status);
        Assert.Contains("only to https", input.Error, StringComparison.Ordinal);
        Assert.Single(cdn.Requests);
        Assert.Empty(Folder.Files(Path.Combine(folder.Path, "images")));
    }

    [Fact]
    public async Task A_redirect_to_https_is_followed_and_a_relative_location_is_resolved()
    {
        using var cdn = new FakeCdn();
        cdn.Respond = request => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            "/predictions/p1/input.png" => FakeCdn.Redirect("https://other.test/moved/input.png", System.Net.HttpStatusCode.MovedPermanently),
            "/moved/input.png" => FakeCdn.Redirect("../final/input.png", System.Net.HttpStatusCode.TemporaryRedirect),
            "/final/input.png" => FakeCdn.Png(),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
        });
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "input.png"), folder.Path);

        Assert.Equal(SavedAssetStatus.Saved, Assert.Single(saved.Assets).Status);
        Assert.Equal(["https://cdn.test/predictions/p1/input.png", "https://other.test/moved/input.png", "https://other.test/final/input.png"], cdn.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.All(cdn.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Too_many_redirects_fail()
    {
        using var cdn = new FakeCdn();
        int hop = 0;
        cdn.Respond = _ => Task.FromResult(FakeCdn.Redirect($"https://cdn.test/hop{Interlocked.Increment(ref hop)}.png"));
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader(new AssetDownloadOptions { MaxRedirects = 2 });

        SavedAnalysis saved = await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "input.png"), folder.Path);

        SavedAsset input = Assert.Single(saved.Assets);
        Assert.Equal(SavedAssetStatus.Failed, input.Status);
        Assert.Contains("more than 2 times", input.Error, StringComparison.Ordinal);
        Assert.Equal(3, cdn.Requests.Count);
    }

    [Fact]
    public async Task Hostile_names_and_keys_stay_inside_the_folder_with_short_names()
    {
        string longName = new('x', 10_000);
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.Success(
            concerns:
            [
                ("../../.ssh/x", Documents.Cdn + "a.png"),
                (longName, Documents.Cdn + "b.png"),
                ("a/b\\c", Documents.Cdn + "c.png"),
                ("Ünïcødé 名前", Documents.Cdn + "d.png"),
                ("..", Documents.Cdn + "..%2F..%2F.ssh%2Fe.png"),
                ("dark circle", Documents.Cdn + "dark circle.jpg"),
            ]);

        SavedAnalysis saved = await downloader.SaveAsync(document, folder.Path);

        Assert.True(saved.IsComplete);
        Assert.Equal(
            ["images/concern-00-ssh-x.png", $"images/concern-01-{new string('x', 40)}.png", "images/concern-02-a-b-c.png", "images/concern-03-n-c-d.png", "images/concern-04-image.png", "images/concern-05-dark-circle.png"],
            saved.Assets.Select(a => a.FileName));
        Assert.All(saved.Assets, a => Assert.StartsWith(folder.Path + Path.DirectorySeparatorChar, saved.PathOf(a), StringComparison.Ordinal));
        Assert.Equal(8, Folder.Files(folder.Path).Length);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(folder.Path)!, ".ssh")) && File.Exists(Path.Combine(Path.GetDirectoryName(folder.Path)!, ".ssh", "x")));
    }

    [Fact]
    public async Task Hostile_zone_keys_are_slugged_and_two_that_slug_alike_get_distinct_files()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = System.Text.Encoding.UTF8.GetBytes(
            """{"status":"SUCCESS","output":{"skinData":{"zones":{"t_zone":{"image":"https://cdn.test/t.png"},"t-zone":{"image":"https://cdn.test/t2.png"},"../../x":{"image":"https://cdn.test/x.png"}}}}}""");

        SavedAnalysis saved = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal(["images/zone-t-zone.png", "images/zone-t-zone-2.png", "images/zone-x.png"], saved.Assets.Select(a => a.FileName));
        Assert.Equal(["output.skinData.zones.t_zone.image", "output.skinData.zones.t-zone.image", "output.skinData.zones.../../x.image"], saved.Assets.Select(a => a.Field));
    }
}
