using System.Text;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Polling;

public sealed class RecordedJobTests
{
    private static Reply Recorded(string name) => Replies.Json(Encoding.UTF8.GetString(RecordedFixtures.Read(name)));

    [RecordedFixtureFact]
    public async Task A_whole_job_on_the_transformation_family_ends_with_the_recorded_analysis()
    {
        using var harness = new WaitingHarness(api: SkinLiteApi.Transformation);
        harness.Handler.OnSubmit(Recorded("transformation-accepted.json"));
        // The real service answers a running job with the same document it answered the submit with: ACCEPTED.
        harness.Handler.OnPoll(Recorded("transformation-accepted.json"), Recorded("transformation-accepted.json"), Recorded("transformation-success.json"));

        AnalysisOutcome outcome = await harness.Clock.RunAsync(harness.Client.AnalyzeAsync(TestPng.Create(), "face.png"));

        Assert.True(outcome.IsSucceeded, outcome.ToString());
        Assert.Equal(88, outcome.Result.TotalSkinScore);
        Assert.Equal(9, outcome.Result.Concerns.Count);
        Assert.Equal(3, harness.Handler.Polls.Count);
        Assert.All(harness.Handler.Polls, p => Assert.EndsWith("/predictions/skinAnalysisInt--generate--019b0339-394e-7779-b33e-675bc91b10f4", p.Uri.AbsolutePath, StringComparison.Ordinal));
    }
}
