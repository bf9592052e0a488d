using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>AnalysisOutcome.ConsumedCredits: the credits a finished job's document says it cost, null when it does not say.</summary>
public sealed class ConsumedCreditsTests
{
    [RecordedFixtureFact]
    public void The_recorded_success_cost_five_credits()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(RecordedFixtures.Read("transformation-success.json"));

        Assert.Equal(5, outcome.ConsumedCredits);
    }

    [Fact]
    public void The_fixture_success_document_says_what_it_cost()
    {
        Assert.Equal(5, AnalysisOutcome.Parse(OwnFixtures.Read("sa-predictions-success.json")).ConsumedCredits);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","consumedCredits":7,"output":{"skinData":{"total_skin_score":50}}}""", 7)]
    [InlineData("""{"status":"FAILURE","error":"Backend failed","consumedCredits":0}""", 0)]
    [InlineData("""{"consumedCredits":3,"status":"FAILURE","error":"x"}""", 3)]
    [InlineData("""{"status":"FAILURE","error":"x","consumedCredits":"2"}""", 2)]
    public void A_document_of_our_own_making_gives_its_credits(string json, int credits)
    {
        Assert.Equal(credits, AnalysisOutcome.Parse(json).ConsumedCredits);
    }

    [Theory]
    [InlineData("""{"status":"SUCCESS","output":{"skinData":{"total_skin_score":50}}}""")]
    [InlineData("""{"status":"FAILURE","error":"Backend failed"}""")]
    [InlineData("""{"status":"FAILURE","error":"x","consumedCredits":null}""")]
    [InlineData("""{"status":"FAILURE","error":"x","consumedCredits":"lots"}""")]
    public void A_document_that_does_not_say_gives_null(string json)
    {
        Assert.Null(AnalysisOutcome.Parse(json).ConsumedCredits);
    }

    [Fact]
    public void Credits_inside_the_output_are_not_taken_for_the_job_cost()
    {
        Assert.Null(AnalysisOutcome.Parse("""{"status":"FAILURE","error":"x","meta":{"consumedCredits":9}}""").ConsumedCredits);
    }
}
