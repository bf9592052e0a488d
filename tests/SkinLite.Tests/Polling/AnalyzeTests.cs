namespace SkinLite.Tests.Polling;

public sealed class AnalyzeTests
{
    [Fact]
    public async Task Analyze_submits_once_then_waits_on_the_new_job_to_its_outcome()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Accepted("pred-analyze", "scan-analyze"));
        harness.Handler.OnPoll(Replies.Pending("ACCEPTED"), Replies.Pending(), Replies.Succeeded(90));
        byte[] png = TestPng.Create();

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(png, "face.png"));

        Assert.Equal(90, outcome.Result.TotalSkinScore);
        SeenRequest submit = Assert.Single(harness.Handler.Submits);
        Assert.True(submit.Body.AsSpan().IndexOf(png) >= 0, "the image was not sent whole");
        Assert.Equal(3, harness.Handler.Polls.Count);
        Assert.All(harness.Handler.Polls, p => Assert.EndsWith("/scans/scan-analyze/pred-analyze", p.Uri.AbsolutePath, StringComparison.Ordinal));
        // A fresh job gets the default 2 s head start.
        Assert.Equal(TimeSpan.FromSeconds(2), harness.Handler.Polls[0].At);
    }

    [Fact]
    public async Task Analyze_from_a_file_streams_it_and_returns_a_rejection_as_an_outcome()
    {
        string path = Path.Combine(Path.GetTempPath(), $"skinlite-analyze-{Guid.NewGuid():N}.png");
        byte[] png = TestPng.Create();
        await File.WriteAllBytesAsync(path, png);
        try
        {
            using var harness = new WaitingHarness();
            harness.Handler.OnSubmit(Replies.Accepted());
            harness.Handler.OnPoll(Replies.Rejected("No face detected"));

            AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(path));

            Assert.True(outcome.IsRejected);
            Assert.True(Assert.Single(harness.Handler.Submits).Body.AsSpan().IndexOf(png) >= 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Analyze_from_a_stream_sends_it_whole_and_leaves_it_open()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Accepted("pred-stream", "scan-stream"));
        harness.Handler.OnPoll(Replies.Failed("Backend failed"));
        byte[] png = TestPng.Create();
        using var stream = new MemoryStream(png);

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(stream, "face.png"));

        Assert.True(outcome.IsFailed);
        Assert.True(Assert.Single(harness.Handler.Submits).Body.AsSpan().IndexOf(png) >= 0, "the image was not sent whole");
        Assert.True(stream.CanRead, "the caller's stream was disposed");
    }

    [Fact]
    public async Task Analyze_raises_the_submit_failure_and_never_polls()
    {
        using var harness = new WaitingHarness();
        harness.Handler.OnSubmit(Replies.Status(System.Net.HttpStatusCode.Forbidden, """{"message":"Usage Limit Exceeded","status":403,"errorCode":"JR-1000"}"""));
        harness.Handler.OnPoll(Replies.Succeeded());

        var error = await Assert.ThrowsAsync<SkinLiteUsageLimitException>(() => harness.Clock.RunAsync(harness.Client.AnalyzeAsync(TestPng.Create())));

        Assert.Equal("JR-1000", error.ErrorCode);
        Assert.Empty(harness.Handler.Polls);
    }
}
