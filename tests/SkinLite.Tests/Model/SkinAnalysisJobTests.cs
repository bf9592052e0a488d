using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Model;

/// <summary>The job handle: a plain value that is saved as JSON (source-generated, no reflection) and resumes a job later.</summary>
public sealed class SkinAnalysisJobTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Platform)]
    public async Task A_submit_on_an_sa_predictions_family_fills_every_field(SkinLiteApi api)
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());

        SkinAnalysisJob job = await _service.CreateClient(api).SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(api, job.Api);
        Assert.Equal(FakeService.AppId, job.AppId);
        Assert.Equal(SubmitAnswers.ScanId, job.ScanId);
        Assert.Equal(SubmitAnswers.PredictionId, job.PredictionId);
        Assert.Equal(SubmitAnswers.SubjectId, job.SubjectId);
        Assert.Equal(JobStatus.Accepted, job.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero), job.CreatedAt);
    }

    [Fact]
    public async Task A_submit_on_the_transformation_family_has_no_scan_id_even_if_the_answer_has_one()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());

        SkinAnalysisJob job = await _service.CreateClient(SkinLiteApi.Transformation).SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(SkinLiteApi.Transformation, job.Api);
        Assert.Null(job.ScanId);
        Assert.Null(job.AppId);
        Assert.Equal(SubmitAnswers.PredictionId, job.PredictionId);
    }

    [Theory]
    [InlineData("""{"_id":12345,"scanId":678}""", "12345", "678")]
    [InlineData("""{"scanId":"s-1","_id":"p-1","status":"QUEUED","createdAt":"yesterday"}""", "p-1", "s-1")]
    public async Task Ids_of_any_json_type_are_kept_as_text_and_an_unreadable_date_is_null(string answer, string predictionId, string scanId)
    {
        _service.RespondJson(answer);

        SkinAnalysisJob job = await _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(predictionId, job.PredictionId);
        Assert.Equal(scanId, job.ScanId);
        Assert.Null(job.CreatedAt);
    }

    [Fact]
    public async Task A_submit_answer_status_other_than_accepted_is_kept()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions("PREPARING"));

        SkinAnalysisJob job = await _service.CreateClient().SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(JobStatus.Preparing, job.Status);
    }

    [Fact]
    public void The_saved_json_has_camel_case_names_and_plain_strings()
    {
        var job = new SkinAnalysisJob
        {
            Api = SkinLiteApi.Platform,
            AppId = "app-1",
            ScanId = "scan-1",
            PredictionId = "pred-1",
            SubjectId = "subj-1",
            Status = JobStatus.Accepted,
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };

        using JsonDocument saved = JsonDocument.Parse(job.ToJson());
        JsonElement root = saved.RootElement;

        Assert.Equal("Platform", root.GetProperty("api").GetString());
        Assert.Equal("app-1", root.GetProperty("appId").GetString());
        Assert.Equal("scan-1", root.GetProperty("scanId").GetString());
        Assert.Equal("pred-1", root.GetProperty("predictionId").GetString());
        Assert.Equal("subj-1", root.GetProperty("subjectId").GetString());
        Assert.Equal("ACCEPTED", root.GetProperty("status").GetString());
        Assert.Equal("2026-01-02T03:04:05+00:00", root.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData(SkinLiteApi.Private)]
    [InlineData(SkinLiteApi.Platform)]
    [InlineData(SkinLiteApi.Transformation)]
    public async Task A_submitted_job_survives_a_json_round_trip_unchanged(SkinLiteApi api)
    {
        _service.RespondJson(SubmitAnswers.For(api));
        SkinAnalysisJob job = await _service.CreateClient(api).SubmitAsync(TestImages.Png(), "face.png");

        SkinAnalysisJob restored = SkinAnalysisJob.FromJson(job.ToJson());

        Assert.Equal(job, restored);
        Assert.Equal(job.ToJson(), restored.ToJson());
    }

    [Fact]
    public void The_json_goes_through_the_source_generated_context()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "p", Status = new JobStatus("WARMING") };

        string viaContext = JsonSerializer.Serialize(job, SkinLiteJsonContext.Default.SkinAnalysisJob);

        Assert.Equal(viaContext, job.ToJson());
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault, "the tests must run with reflection-based JSON off, as a native app does");
        Assert.Equal("""{"api":"Transformation","predictionId":"p","status":"WARMING"}""", viaContext);
    }

    [Fact]
    public void A_transformation_handle_saves_no_scan_or_app_id()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Transformation, PredictionId = "p" };

        using JsonDocument saved = JsonDocument.Parse(job.ToJson());

        Assert.False(saved.RootElement.TryGetProperty("scanId", out _));
        Assert.False(saved.RootElement.TryGetProperty("appId", out _));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"api":"Private"}""")]
    [InlineData("""{"api":"Nowhere","predictionId":"p"}""")]
    [InlineData("""{"predictionId":"p","status":7}""")]
    public void Text_that_is_not_a_saved_handle_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => SkinAnalysisJob.FromJson(json));
    }

    [Fact]
    public void FromJson_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => SkinAnalysisJob.FromJson(null!));
    }

    [Fact]
    public async Task A_job_rebuilt_from_saved_json_fetches_the_same_url_as_the_original()
    {
        _service.RespondJson(SubmitAnswers.SaPredictions());
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Platform);
        SkinAnalysisJob job = await client.SubmitAsync(TestImages.Png(), "face.png");
        string saved = job.ToJson();
        _service.RespondJson("""{"status":"PROCESSING"}""");

        await client.GetOutcomeAsync(job);
        await _service.CreateClient(SkinLiteApi.Platform).GetOutcomeAsync(SkinAnalysisJob.FromJson(saved));

        Assert.Equal(3, _service.Requests.Count);
        Assert.Equal(_service.Requests[1].Url, _service.Requests[2].Url);
    }

    [Fact]
    public async Task A_job_is_resumed_from_bare_ids()
    {
        _service.RespondJson("""{"status":"SUCCESS","output":{"error":"No face detected"}}""");
        SkinLiteClient client = _service.CreateClient();

        AnalysisOutcome byIds = await client.GetOutcomeAsync("scan-9", "pred-9");
        AnalysisOutcome byHandle = await client.GetOutcomeAsync(new SkinAnalysisJob { Api = SkinLiteApi.Private, ScanId = "scan-9", PredictionId = "pred-9" });

        Assert.Equal(RejectionReason.NoFaceDetected, byIds.RejectionReason);
        Assert.Equal(RejectionReason.NoFaceDetected, byHandle.RejectionReason);
        Assert.Equal(_service.Requests[0].Url, _service.Requests[1].Url);
        Assert.EndsWith("/scans/scan-9/pred-9", _service.Requests[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transformation_job_is_resumed_from_the_prediction_id_alone()
    {
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation);
        _service.RespondJson("""{"status":"ACCEPTED"}""");

        AnalysisOutcome outcome = await client.GetOutcomeAsync("skinAnalysisInt--generate--abc");

        Assert.Equal(JobStatus.Accepted, outcome.Status);
        Assert.Equal("https://api.pixelbin.io/service/platform/transformation/v1.0/predictions/skinAnalysisInt--generate--abc", _service.SingleRequest.Url);
    }

    [Fact]
    public async Task A_handle_without_a_scan_id_on_an_sa_predictions_family_is_refused_before_sending()
    {
        var job = new SkinAnalysisJob { Api = SkinLiteApi.Private, PredictionId = "p" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetOutcomeAsync(job));

        Assert.Equal("scanId", error.ParamName);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task A_null_handle_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.CreateClient().GetOutcomeAsync((SkinAnalysisJob)null!));
    }
}
