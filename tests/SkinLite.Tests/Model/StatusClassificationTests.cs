using SkinLite.Tests.Support;

namespace SkinLite.Tests.Model;

/// <summary>Each status a result document can carry, and the outcome kind it becomes.</summary>
public sealed class StatusClassificationTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("ACCEPTED")]
    [InlineData("PREPARING")]
    [InlineData("PROCESSING")]
    [InlineData("QUEUED_FOR_GPU")]
    [InlineData("processing")]
    [InlineData("")]
    public async Task A_status_that_is_not_terminal_is_pending_and_kept_as_sent(string status)
    {
        _service.RespondJson($$"""{"_id":"p","status":"{{status}}","input":{"image":"x"},"output":null}""");

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("s", "p");

        Assert.Equal(OutcomeKind.Pending, outcome.Kind);
        Assert.True(outcome.IsPending);
        Assert.False(outcome.IsTerminal);
        Assert.Equal(status, outcome.Status.Value);
        Assert.Equal(RejectionReason.None, outcome.RejectionReason);
        Assert.Null(outcome.Message);
    }

    [Fact]
    public void A_pending_status_after_other_fields_is_still_pending()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"input":{"image":"x"},"urls":{"get":"y"},"orgId":1,"_id":"p","status":"PREPARING"}""");

        Assert.True(outcome.IsPending);
        Assert.Equal(JobStatus.Preparing, outcome.Status);
    }

    [Fact]
    public async Task Success_without_an_error_is_succeeded_with_the_analysis()
    {
        _service.RespondJson("""{"status":"SUCCESS","output":{"skinData":{"total_skin_score":71}}}""");

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("s", "p");

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.True(outcome.IsSucceeded);
        Assert.True(outcome.IsTerminal);
        Assert.Equal(JobStatus.Success, outcome.Status);
        Assert.Equal(71, outcome.Result.TotalSkinScore);
        Assert.Null(outcome.Message);
        Assert.Equal(RejectionReason.None, outcome.RejectionReason);
    }

    [Theory]
    [InlineData("FAILURE")]
    [InlineData("FAILED")]
    [InlineData("failed")]
    public async Task Failure_and_failed_are_failed_with_the_top_level_error(string status)
    {
        const string error = "Backend for skinAnalysisInt/generate failed with: Request failed with status code 500";
        _service.RespondJson($$"""{"_id":"p","status":"{{status}}","error":"{{error}}","output":null}""");

        AnalysisOutcome outcome = await _service.CreateClient(SkinLiteApi.Transformation).GetOutcomeAsync("p");

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.True(outcome.IsFailed);
        Assert.True(outcome.IsTerminal);
        Assert.Equal(status, outcome.Status.Value);
        Assert.Equal(error, outcome.Message);
        Assert.Equal(RejectionReason.None, outcome.RejectionReason);
    }

    [Fact]
    public void A_failure_without_an_error_is_failed_with_no_message()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"FAILED"}""");

        Assert.True(outcome.IsFailed);
        Assert.Null(outcome.Message);
        Assert.Contains("no error given", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_with_an_output_is_failed_never_succeeded()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"FAILURE","error":"boom","output":{"skinData":{"total_skin_score":90}}}""");

        Assert.True(outcome.IsFailed);
        Assert.Equal("boom", outcome.Message);
        Assert.False(outcome.TryGetResult(out _));
    }

    [Fact]
    public void A_failure_with_the_error_only_inside_output_keeps_that_error()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"FAILURE","output":{"error":"GPU out of memory","status_code":500}}""");

        Assert.True(outcome.IsFailed);
        Assert.Equal("GPU out of memory", outcome.Message);
        Assert.Equal(500, outcome.StatusCode);
    }
}
