using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>The two real submit answers (../shared/fixtures/recorded) become transformation job handles.</summary>
public sealed class RecordedSubmitAnswerTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [RecordedFixtureTheory]
    [InlineData("transformation-accepted.json", "skinAnalysisInt--generate--019b0339-394e-7779-b33e-675bc91b10f4", "2025-12-09T13:07:20.526Z")]
    [InlineData("transformation-accepted-2.json", "skinAnalysisInt--generate--019b0244-49c7-7779-b30a-acbc0ae01453", "2025-12-09T08:39:48.423Z")]
    public async Task A_real_submit_answer_gives_the_handle_to_resume_with(string file, string predictionId, string createdAt)
    {
        _service.RespondJson(RecordedFixtures.Read(file));
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation);

        SkinAnalysisJob job = await client.SubmitAsync(TestImages.Png(), "face.png");

        Assert.Equal(SkinLiteApi.Transformation, job.Api);
        Assert.Equal(predictionId, job.PredictionId);
        Assert.Null(job.ScanId);
        Assert.Null(job.AppId);
        Assert.Null(job.SubjectId);
        Assert.Equal(JobStatus.Accepted, job.Status);
        Assert.Equal(DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), job.CreatedAt);
        Assert.Equal(TimeSpan.Zero, job.CreatedAt?.Offset);
    }

    [RecordedFixtureFact]
    public async Task The_handle_of_a_real_answer_fetches_from_the_url_the_answer_itself_names()
    {
        _service.RespondJson(RecordedFixtures.Read("transformation-accepted.json"));
        SkinLiteClient client = _service.CreateClient(SkinLiteApi.Transformation);
        SkinAnalysisJob job = await client.SubmitAsync(TestImages.Png(), "face.png");

        _service.RespondJson("""{"status":"PROCESSING"}""");
        await client.GetOutcomeAsync(job);

        using var answer = System.Text.Json.JsonDocument.Parse(RecordedFixtures.Read("transformation-accepted.json"));
        Assert.Equal(answer.RootElement.GetProperty("urls").GetProperty("get").GetString(), _service.Requests[1].Url);
    }

    [RecordedFixtureFact]
    public async Task A_transformation_answer_on_a_sa_predictions_family_is_a_protocol_error_naming_the_missing_scan_id()
    {
        _service.RespondJson(RecordedFixtures.Read("transformation-accepted.json"));

        var error = await Assert.ThrowsAsync<SkinLiteProtocolException>(() => _service.CreateClient(SkinLiteApi.Private).SubmitAsync(TestImages.Png(), "face.png"));

        Assert.Contains("scanId", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"_id\"", error.BodyExcerpt, StringComparison.Ordinal);
    }
}
