namespace SkinLite.Tests.Client;

/// <summary>Users replace the client in their own tests: the protected constructor and virtual methods make that possible without a network.</summary>
public sealed class ClientTestDoubleTests
{
    [Fact]
    public async Task A_subclass_can_stand_in_for_the_client()
    {
        SkinLiteClient client = new CannedClient();

        AnalysisOutcome outcome = await client.GetOutcomeAsync("s", "p");
        SkinAnalysisJob job = await client.SubmitAsync(new byte[] { 1 });

        Assert.Equal(RejectionReason.NoFaceDetected, outcome.RejectionReason);
        Assert.Equal("canned", job.PredictionId);
        Assert.Equal(SkinLiteApi.Platform, client.Api);
    }

    private sealed class CannedClient : SkinLiteClient
    {
        public override SkinLiteApi Api => SkinLiteApi.Platform;

        public override Task<AnalysisOutcome> GetOutcomeAsync(string scanId, string predictionId, CancellationToken cancellationToken = default) =>
            Task.FromResult(AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":"No face detected"}}"""));

        public override Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new SkinAnalysisJob { Api = SkinLiteApi.Platform, PredictionId = "canned" });
    }
}
