using SkinLite.Tests.Support;

namespace SkinLite.Tests.Model;

/// <summary>HTTP 200 + SUCCESS + <c>output.error</c>: the image was refused, and that is never a result.</summary>
public sealed class RejectionTests : IDisposable
{
    private readonly FakeService _service = new();

    public void Dispose() => _service.Dispose();

    // The messages are written out here, not taken from RejectionMessages, so that a typo in the library fails a test.
    [Theory]
    [InlineData("No face detected", RejectionReason.NoFaceDetected)]
    [InlineData("Failed to read Image", RejectionReason.UnreadableImage)]
    [InlineData("File size exceeds 5MB limit.", RejectionReason.FileTooLarge)]
    [InlineData("Unable to open image. Invalid or corrupted file.", RejectionReason.CorruptImage)]
    [InlineData("Unsupported image format. Only PNG, JPG, or JPEG is allowed.", RejectionReason.UnsupportedFormat)]
    [InlineData("Image dimensions are too small. Min required resolution 1024x1024 pixels.", RejectionReason.ResolutionTooSmall)]
    [InlineData("Image resolution too large. Max allowed resolution 2048x2048 pixels.", RejectionReason.ResolutionTooLarge)]
    public async Task Each_documented_message_has_its_reason(string message, RejectionReason reason)
    {
        _service.RespondJson($$$"""{"_id":"p","status":"SUCCESS","output":{"error":"{{{message}}}","status_code":422}}""");

        AnalysisOutcome outcome = await _service.CreateClient().GetOutcomeAsync("s", "p");

        Assert.Equal(OutcomeKind.Rejected, outcome.Kind);
        Assert.True(outcome.IsRejected);
        Assert.True(outcome.IsTerminal);
        Assert.Equal(JobStatus.Success, outcome.Status);
        Assert.Equal(reason, outcome.RejectionReason);
        Assert.Equal(message, outcome.Message);
        Assert.Equal(422, outcome.StatusCode);
        Assert.Equal(message, RejectionMessages.MessageFor(reason));
        Assert.Equal(reason, RejectionMessages.Classify(message));
    }

    [Fact]
    public void An_undocumented_message_is_an_unknown_rejection_with_the_message_kept()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":"Multiple faces detected","status_code":422}}""");

        Assert.True(outcome.IsRejected);
        Assert.Equal(RejectionReason.Unknown, outcome.RejectionReason);
        Assert.Equal("Multiple faces detected", outcome.Message);
        Assert.Null(RejectionMessages.MessageFor(RejectionReason.Unknown));
        Assert.Null(RejectionMessages.MessageFor(RejectionReason.None));
    }

    [Theory]
    [InlineData("  No face detected ")]
    [InlineData("NO FACE DETECTED")]
    public void A_documented_message_with_other_case_or_surrounding_space_keeps_its_reason_and_its_text(string message)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse($$$"""{"status":"SUCCESS","output":{"error":"{{{message}}}"}}""");

        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
        Assert.Equal(message, outcome.Message);
    }

    [Fact]
    public void A_rejection_is_never_a_result_even_with_skin_data_beside_the_error()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"skinData":{"total_skin_score":88},"error":"No face detected"}}""");

        Assert.True(outcome.IsRejected);
        Assert.False(outcome.TryGetResult(out SkinAnalysis? result));
        Assert.Null(result);
    }

    [Fact]
    public void The_status_code_is_read_from_the_top_level_when_output_has_none()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","status_code":422,"output":{"error":"No face detected"}}""");

        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public void The_status_code_in_output_wins_over_the_top_level()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status_code":400,"status":"SUCCESS","output":{"status_code":422,"error":"No face detected"}}""");

        Assert.Equal(422, outcome.StatusCode);
    }

    [Theory]
    [InlineData("\"422\"")]
    [InlineData("422.0")]
    public void A_status_code_written_as_text_or_a_fraction_is_still_read(string statusCode)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse($$$"""{"status":"SUCCESS","output":{"error":"No face detected","status_code":{{{statusCode}}}}}""");

        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public void Without_any_status_code_it_is_null()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":"No face detected"}}""");

        Assert.Null(outcome.StatusCode);
    }

    [Fact]
    public void An_error_at_the_top_level_of_a_success_without_output_is_a_rejection()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","error":"No face detected","status_code":422}""");

        Assert.True(outcome.IsRejected);
        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
        Assert.Equal(422, outcome.StatusCode);
    }

    [Fact]
    public void An_error_that_is_an_object_is_a_rejection_with_its_json_kept()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":{"reason":"blurry"}}}""");

        Assert.True(outcome.IsRejected);
        Assert.Equal(RejectionReason.Unknown, outcome.RejectionReason);
        Assert.Equal("""{"reason":"blurry"}""", outcome.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void An_empty_or_null_error_is_not_a_rejection(string error)
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":""" + error + ""","skinData":{"skin_age":30}}}""");

        Assert.True(outcome.IsSucceeded);
        Assert.Equal(30, outcome.Result.SkinAge);
    }
}
