using System.Text;

namespace SkinLite.Reports.Tests.Saving;

/// <summary>What a save accepts as a document, what it writes for an outcome, and where it finds the images.</summary>
public sealed class AssetDownloaderDocumentTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{\"status\":\"FAILURE\"} and then some")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"status\":\"PROCESSING\"}")]
    [InlineData("{\"status\":\"SUCCESS\"}")]
    public async Task A_document_that_is_not_a_finished_prediction_is_refused_and_nothing_is_written(string document)
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        string target = Path.Combine(folder.Path, "save");
        using AssetDownloader downloader = cdn.Downloader();

        InvalidDataException refused = await Assert.ThrowsAsync<InvalidDataException>(() => downloader.SaveAsync(Encoding.UTF8.GetBytes(document), target));

        Assert.Contains("prediction", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(cdn.Requests);
    }

    [RecordedFixtureFact]
    public async Task The_recorded_service_document_yields_every_image_field_in_document_order_with_safe_names()
    {
        byte[] document = RecordedFixtures.Read("transformation-success.json");
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(document, folder.Path);

        Assert.Equal("input.image", saved.Assets[0].Field);
        Assert.Equal("images/input.png", saved.Assets[0].FileName);
        Assert.Contains(saved.Assets, a => a is { Field: "output.skinData.combine_masked_url", FileName: "images/combined-mask.png" });
        Assert.Contains(saved.Assets, a => a is { Field: "output.skinData.zones.u_zone.image", FileName: "images/zone-u-zone.png" });
        Assert.Contains(saved.Assets, a => a is { Field: "output.skinData.concerns[0].image", FileName: "images/concern-00-scars.png" });
        Assert.Equal(saved.Assets.Count, cdn.Requests.Count);
        Assert.Equal("skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6", saved.PredictionId);
        Assert.False(saved.IsEmulated);
        Assert.True(saved.IsComplete);
    }

    [Fact]
    public async Task Non_string_and_empty_image_values_are_not_assets()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();
        byte[] document = Encoding.UTF8.GetBytes(
            """{"status":"SUCCESS","input":{"image":42},"output":{"skinData":{"inputImage":"","combine_masked_url":null,"concerns":[{"image":{"x":1}},"oops",{"name":"ok","image":"https://cdn.test/ok.png"}]}}}""");

        SavedAnalysis saved = await downloader.SaveAsync(document, folder.Path);

        SavedAsset only = Assert.Single(saved.Assets);
        Assert.Equal("output.skinData.concerns[2].image", only.Field);
        Assert.Equal("images/concern-02-ok.png", only.FileName);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","_id":"p","output":{"error":"No face detected","status_code":422},"consumedCredits":0}""")]
    [InlineData("""{"status":"FAILURE","_id":"p","error":"Backend for skinAnalysisInt/generate failed"}""")]
    [InlineData("""{"status":"SUCCESS","_id":"p","output":{"status_code":503}}""")]
    public async Task A_rejected_or_failed_outcome_is_saved_with_no_images_and_parses_back_to_the_same(string original)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(original);
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(outcome, folder.Path);

        AnalysisOutcome back = AnalysisOutcome.Parse(saved.ReadDocument());
        Assert.Empty(saved.Assets);
        Assert.Equal(outcome.Kind, back.Kind);
        Assert.Equal(outcome.Status, back.Status);
        Assert.Equal(outcome.Message, back.Message);
        Assert.Equal(outcome.StatusCode, back.StatusCode);
        Assert.Equal(outcome.RejectionReason, back.RejectionReason);
        Assert.Equal(outcome.ConsumedCredits, back.ConsumedCredits);
    }

    [RecordedFixtureFact]
    public async Task A_succeeded_outcome_round_trips_with_its_images()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(RecordedFixtures.Read("transformation-success.json"));
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        SavedAnalysis saved = await downloader.SaveAsync(outcome, folder.Path);

        AnalysisOutcome back = AnalysisOutcome.Parse(saved.ReadDocument());
        Assert.True(back.IsSucceeded);
        Assert.Equal(outcome.Result.OutputUtf8Json.ToArray(), back.Result.OutputUtf8Json.ToArray());
        Assert.Equal(outcome.Result.Concerns.Count, back.Result.Concerns.Count);
        Assert.Equal(5, outcome.ConsumedCredits);
        Assert.Equal(outcome.ConsumedCredits, back.ConsumedCredits);
        Assert.DoesNotContain(saved.Assets, a => a.Field == "input.image");
        Assert.True(saved.IsComplete);
    }

    [Fact]
    public async Task A_pending_outcome_cannot_be_saved()
    {
        using var cdn = new FakeCdn();
        using var folder = new TempFolder();
        using AssetDownloader downloader = cdn.Downloader();

        await Assert.ThrowsAsync<ArgumentException>(() => downloader.SaveAsync(AnalysisOutcome.Parse("""{"status":"PROCESSING"}"""), folder.Path));
        await Assert.ThrowsAsync<ArgumentException>(() => downloader.SaveAsync(default(AnalysisOutcome), folder.Path));
    }
}
