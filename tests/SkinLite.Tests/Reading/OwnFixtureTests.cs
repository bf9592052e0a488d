using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The suite's own documents (Fixtures/), covering the same shapes as the recorded ones so that the suite proves the
/// reader even where ../shared is absent: an sa-predictions submit and success, pending, rejections and failures.
/// </summary>
public sealed class OwnFixtureTests : IDisposable
{
    private const string Own = "https://delivery.pixelbin.io/predictions/outputs/1y/own/";
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    private static SkinAnalysis ReadSuccess() => AnalysisOutcome.Parse(OwnFixtures.Read("sa-predictions-success.json")).Result;

    [Fact]
    public async Task An_sa_predictions_submit_answer_gives_every_id_of_the_handle()
    {
        _service.RespondJson(OwnFixtures.Read("sa-predictions-accepted.json"), System.Net.HttpStatusCode.Created);

        SkinAnalysisJob job = await _service.CreateClient(SkinLiteApi.Private).SubmitAsync(TestImages.Jpeg(), "face.jpg");

        Assert.Equal(SkinLiteApi.Private, job.Api);
        Assert.Equal(FakeService.AppId, job.AppId);
        Assert.Equal("scan-0193f0c2", job.ScanId);
        Assert.Equal("skinAnalysisInt--generate--0193f0c2-77aa-7b10-9c4e-5d1e2f3a4b5c", job.PredictionId);
        Assert.Equal("subject-4471", job.SubjectId);
        Assert.Equal(JobStatus.Accepted, job.Status);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 10, 15, 30, 250, TimeSpan.Zero), job.CreatedAt);
    }

    [Fact]
    public void The_own_success_reads_every_scalar_field()
    {
        SkinAnalysis analysis = ReadSuccess();

        Assert.Equal(73, analysis.TotalSkinScore);
        Assert.Equal(34, analysis.SkinAge);
        Assert.Equal(36, analysis.EyeAge);
        Assert.Equal("Good", analysis.SkinHealth);
        Assert.Equal("Medium", analysis.SkinTone);
        Assert.Equal("#B08A6E", analysis.SkinShade);
        Assert.Equal("#B08A6E", analysis.SkinShadeHex); // already has its '#': not doubled
        Assert.Equal("Oily", analysis.SkinType);
        Assert.Equal(12, analysis.FacialHair);
        Assert.Equal(Own + "facial_hair.jpg", analysis.FacialHairUrl);
        Assert.Equal(Own + "input image.jpg", analysis.InputImageUrl);
        Assert.Equal(Own + "combine_mask.jpg", analysis.CombineMaskedUrl);
        Assert.Equal("Oily T-zone with some visible lines; hydration is fine.", analysis.Summary);
        Assert.Equal("SkinAnalysis { TotalSkinScore = 73, SkinType = Oily, SkinTone = Medium, SkinAge = 34, Concerns = 5 }", analysis.ToString());
    }

    [Fact]
    public void The_own_success_reads_the_zones_and_keeps_an_unknown_zone_in_the_raw_json()
    {
        SkinAnalysis analysis = ReadSuccess();

        Assert.Equal("Oily", analysis.Zones.TZone?.Type);
        Assert.Equal(Own + "t_zone.jpg", analysis.Zones.TZone?.ImageUrl);
        Assert.Equal(0.71, analysis.Zones.TZone?.Json.GetProperty("oil_level").GetDouble());
        Assert.Equal("Dry", analysis.Zones.UZone?.Type);
        Assert.Equal(
            "Normal",
            analysis.OutputJson.GetProperty("skinData").GetProperty("zones").GetProperty("c_zone").GetProperty("type").GetString());
    }

    [Fact]
    public void The_own_success_keeps_unknown_concerns_and_their_unknown_fields()
    {
        SkinConcernList concerns = ReadSuccess().Concerns;

        Assert.Equal(new string?[] { "wrinkles", "acne", "redness", "freckles", "pores" }, concerns.Select(c => c.TechName));
        SkinConcern freckles = concerns.Find("freckles")!;
        Assert.Equal(70, freckles.Value);
        Assert.Equal("Some", freckles.Severity);
        Assert.Equal(["0-59", "60-100"], freckles.ScoreRange);
        Assert.Equal(["Many", "Some"], freckles.SeverityList);
        Assert.Equal(0.93, freckles.Json.GetProperty("confidence").GetDouble());
        Assert.Equal(88, concerns.Find(ConcernTechNames.Redness)?.Value);
        Assert.Equal("cheeks", concerns.Find(ConcernTechNames.Redness)?.AreaName);
    }

    [Fact]
    public void The_own_success_reads_a_concern_field_by_field_and_keeps_its_sub_areas()
    {
        SkinConcern wrinkles = ReadSuccess().Concerns.Find(ConcernTechNames.Wrinkles)!;

        Assert.Equal("Wrinkles", wrinkles.Name);
        Assert.Equal("face", wrinkles.AreaName);
        Assert.Equal(45, wrinkles.Value);
        Assert.Equal("Needs Attention", wrinkles.Severity);
        Assert.Equal(["0-49", "50-79", "80-100"], wrinkles.ScoreRange);
        Assert.Equal(["Needs Attention", "Average", "Good"], wrinkles.SeverityList);
        Assert.Equal(Own + "fine lines.jpg", wrinkles.ImageUrl);
        Assert.Equal("Fine lines are visible around the eyes and forehead.", wrinkles.Description);
        Assert.Equal("Estimates visible lines and folds.", wrinkles.Analyses);
        Assert.Equal(40, wrinkles.Json.GetProperty("sub_areas")[0].GetProperty("value").GetInt32());
    }

    [Fact]
    public void Null_and_empty_concern_fields_are_null_or_empty_never_an_error()
    {
        SkinConcernList concerns = ReadSuccess().Concerns;
        SkinConcern pores = concerns.Find(ConcernTechNames.Pores)!;

        Assert.Null(pores.Value);
        Assert.Empty(pores.ScoreRange);
        Assert.Null(pores.Severity);
        Assert.Empty(pores.SeverityList);
        Assert.Equal(string.Empty, pores.ImageUrl);
        Assert.Null(pores.Description);
        Assert.Null(pores.Analyses);
        Assert.Equal("pores: - (-)", pores.ToString());
        Assert.Null(concerns.Find(ConcernTechNames.Redness)?.ImageUrl);
    }

    [Fact]
    public void The_raw_output_keeps_fields_outside_skin_data()
    {
        SkinAnalysis analysis = ReadSuccess();

        Assert.Equal("sa-2026.01", analysis.OutputJson.GetProperty("model_version").GetString());
        Assert.Equal("dim", analysis.OutputJson.GetProperty("skinData").GetProperty("lighting_quality").GetString());
    }

    [Fact]
    public async Task The_own_pending_document_is_pending()
    {
        _service.RespondJson(OwnFixtures.Read("pending-processing.json"));

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("scan-0193f0c2", "skinAnalysisInt--generate--0193f0c2-77aa-7b10-9c4e-5d1e2f3a4b5c");

        Assert.True(outcome.IsPending);
        Assert.Equal(JobStatus.Processing, outcome.Status);
    }

    [Fact]
    public async Task The_own_no_face_document_is_a_rejection_with_its_status_code()
    {
        _service.RespondJson(OwnFixtures.Read("rejected-no-face.json"));

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("s", "p");

        Assert.Equal(OutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
        Assert.Equal("No face detected", outcome.Message);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public void The_own_unknown_rejection_reads_its_status_code_from_the_top_level()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(OwnFixtures.Read("rejected-unknown-status-code-top-level.json"));

        Assert.Equal(OutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(RejectionReason.Unknown, outcome.RejectionReason);
        Assert.Equal("Face is partially covered", outcome.Message);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Theory]
    [InlineData("failure.json", "FAILURE", "Backend for skinAnalysisInt/generate failed with: Request failed with status code 500")]
    [InlineData("failed.json", "FAILED", "Prediction timed out")]
    public void The_own_failures_are_failed_with_their_error(string file, string status, string error)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(OwnFixtures.Read(file));

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal(status, outcome.Status.Value);
        Assert.Equal(error, outcome.Message);
        Assert.Null(outcome.StatusCode);
    }

    [Fact]
    public void Every_own_fixture_is_valid_json()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        string[] files = Directory.GetFiles(folder, "*.json");

        Assert.True(files.Length >= 8, $"expected the committed fixtures in {folder}");
        Assert.All(files, f => JsonDocument.Parse(File.ReadAllBytes(f)).Dispose());
    }
}
