using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>A key the service refuses: no submit can succeed, so the batch stops after the first refusal.</summary>
public sealed class BatchAuthenticationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_wrong_key_leaves_every_image_not_submitted_for_authentication_after_at_most_a_few_attempts()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 10, out _);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        var counter = new SubmitCounter(emulator.CreateHandler());
        SkinLiteClient client = Emulated.Client(counter, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private), SkinLiteApi.Private, credential: "not-the-key");

        List<BatchItemResult> results = await BatchRuns.CollectAsync(client, paths, new BatchOptions { MaxConcurrentSubmits = 4, Polling = BatchRuns.FastPolling() });

        Assert.Equal(10, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(BatchItemStatus.NotSubmitted, r.Status);
            Assert.Equal(BatchStopReason.Authentication, r.StopReason);
            Assert.False(r.Submitted);
        });
        Assert.Contains(results, r => r.Error is SkinLiteAuthenticationException);
        Assert.InRange(counter.Posts, 1, 2);
        Assert.Equal(0, emulator.Stats.AcceptedSubmits);
    }
}
