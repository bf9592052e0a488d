using System.Text;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>A second save of the same folder downloads only what is missing, changed on disk, or of another URL.</summary>
public sealed class AssetDownloaderResumeTests
{
    [Fact]
    public async Task A_second_save_of_a_complete_folder_makes_no_request()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.WithConcerns(3);
        SavedAnalysis first = await downloader.SaveAsync(document, folder.Path);
        int requests = cdn.Requests.Count;

        SavedAnalysis second = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal(5, requests);
        Assert.Equal(requests, cdn.Requests.Count);
        Assert.True(second.IsComplete);
        Assert.Equal(first.Assets.Select(a => (a.FileName, a.Sha256)), second.Assets.Select(a => (a.FileName, a.Sha256)));
    }

    [Fact]
    public async Task A_file_changed_on_disk_is_downloaded_again_and_only_that_one()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.WithConcerns(2);
        SavedAnalysis first = await downloader.SaveAsync(document, folder.Path);
        string path = first.PathOf(first.Assets[2]);
        byte[] good = await File.ReadAllBytesAsync(path);
        byte[] tampered = (byte[])good.Clone();
        tampered[^5] ^= 0xFF; // same length, different bytes: only the hash can tell
        await File.WriteAllBytesAsync(path, tampered);
        int before = cdn.Requests.Count;

        SavedAnalysis second = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal(before + 1, cdn.Requests.Count);
        Assert.Equal(first.Assets[2].Url, cdn.Requests.Last().Uri.AbsoluteUri);
        Assert.Equal(good, await File.ReadAllBytesAsync(path));
        Assert.True(second.IsComplete);
    }

    [Fact]
    public async Task A_deleted_file_and_a_failed_one_are_fetched_again()
    {
        using var cdn = new FakeCdn();
        bool failMask = true;
        cdn.Respond = request => Task.FromResult(failMask && request.RequestUri!.AbsolutePath.EndsWith("combine_mask.png", StringComparison.Ordinal)
            ? new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)
            : FakeCdn.Png());
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.WithConcerns(1);
        SavedAnalysis first = await downloader.SaveAsync(document, folder.Path);
        Assert.False(first.IsComplete);
        File.Delete(first.PathOf(first.Assets[0]));
        failMask = false;
        int before = cdn.Requests.Count;

        SavedAnalysis second = await downloader.SaveAsync(document, folder.Path);

        Assert.True(second.IsComplete);
        Assert.Equal(before + 2, cdn.Requests.Count);
    }

    [Fact]
    public async Task A_changed_url_for_a_field_is_downloaded_again()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "a.png"), folder.Path);

        SavedAnalysis second = await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "b.png"), folder.Path);

        Assert.Equal(2, cdn.Requests.Count);
        Assert.Equal(Documents.Cdn + "b.png", second.Assets[0].Url);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"version\":99,\"document\":\"document.json\",\"assets\":[]}")]
    [InlineData("null")]
    public async Task A_corrupt_manifest_is_ignored_and_everything_is_downloaded_again(string manifest)
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.WithConcerns(1);
        await downloader.SaveAsync(document, folder.Path);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "manifest.json"), manifest);

        SavedAnalysis second = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal(6, cdn.Requests.Count);
        Assert.True(SavedAnalysis.Load(folder.Path).IsComplete);
        Assert.True(second.IsComplete);
    }

    [Fact]
    public async Task A_manifest_entry_naming_a_file_outside_the_folder_is_not_trusted()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Documents.Success(input: Documents.Cdn + "input.png");
        await downloader.SaveAsync(document, folder.Path);
        string manifestPath = Path.Combine(folder.Path, "manifest.json");
        string text = await File.ReadAllTextAsync(manifestPath);
        await File.WriteAllTextAsync(manifestPath, text.Replace("\"images/input.png\"", "\"images/input.../../../x\"", StringComparison.Ordinal));

        SavedAnalysis second = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal(2, cdn.Requests.Count);
        Assert.Equal("images/input.png", second.Assets[0].FileName);
    }

    [Fact]
    public async Task Part_files_a_killed_save_left_are_cleaned_up()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "images"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "images", ".input.0123.part"), Encoding.ASCII.GetBytes("half"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, ".document.json.0123.part"), Encoding.ASCII.GetBytes("half"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, ".manifest.json.0123.part"), Encoding.ASCII.GetBytes("half"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, ".users-own.part"), Encoding.ASCII.GetBytes("not ours"));
        using AssetDownloader downloader = cdn.Downloader();

        await downloader.SaveAsync(Documents.Success(input: Documents.Cdn + "input.png"), folder.Path);

        Assert.Equal([".users-own.part", "document.json", "images/input.png", "manifest.json"], Folder.Files(folder.Path));
    }
}
