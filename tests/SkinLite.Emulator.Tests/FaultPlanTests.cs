namespace SkinLite.Emulator.Tests;

public class FaultPlanTests
{
    [Theory]
    [InlineData("429,ok,503", "429,ok,503")]
    [InlineData(" 503 * 3 , OK ", "503*3,ok")]
    [InlineData("slow,drop,truncate,malformed,failure,500,502", "slow,drop,truncate,malformed,failure,500,502")]
    [InlineData("503=0.1,429=0.05,slow=0.1", "503=0.1,429=0.05,slow=0.1")]
    [InlineData("", "none")]
    [InlineData("none", "none")]
    public void A_spec_round_trips_through_ToString(string spec, string canonical)
    {
        FaultPlan plan = FaultPlan.Parse(spec);

        Assert.Equal(canonical, plan.ToString());
        Assert.Equal(canonical, FaultPlan.Parse(plan.ToString()).ToString());
    }

    [Theory]
    [InlineData("429,teapot", "'teapot'")]
    [InlineData("503=lots", "'503=lots'")]
    [InlineData("503=1.5", "'503=1.5'")]
    [InlineData("ok=0.5", "'ok=0.5'")]
    [InlineData("503*0", "'503*0'")]
    [InlineData("503,429=0.1", "mixes")]
    [InlineData("503=0.7,429=0.7", "add up to 1.4")]
    public void A_bad_spec_names_the_bad_token(string spec, string named)
    {
        var error = Assert.Throws<FormatException>(() => FaultPlan.Parse(spec));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void None_injects_nothing() => Assert.True(FaultPlan.None.IsNone);
}
