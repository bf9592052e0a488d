using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>The one public finished analysis the real service sent (../shared/fixtures/recorded), read to the exact values it holds.</summary>
public sealed class RecordedSuccessTests
{
    private const string Outputs = "https://delivery.pixelbin.io/predictions/outputs/1y/kurenai/generate/skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6/";

    private static SkinAnalysis Read()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(RecordedFixtures.Read("transformation-success.json"));
        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        return outcome.Result;
    }

    [RecordedFixtureFact]
    public void The_outcome_is_a_success_with_no_status_code_or_message()
    {
        AnalysisOutcome outcome = AnalysisOutcome.Parse(RecordedFixtures.Read("transformation-success.json"));

        Assert.Equal(JobStatus.Success, outcome.Status);
        Assert.Null(outcome.StatusCode);
        Assert.Null(outcome.Message);
        Assert.Equal(RejectionReason.None, outcome.RejectionReason);
    }

    [RecordedFixtureFact]
    public void The_scalar_fields_hold_the_recorded_values()
    {
        SkinAnalysis analysis = Read();

        Assert.Equal(88, analysis.TotalSkinScore);
        Assert.Equal(17, analysis.SkinAge); // below the documented 18-60, kept as sent
        Assert.Equal(17, analysis.EyeAge);
        Assert.Equal("Average", analysis.SkinHealth);
        Assert.Equal("Olive", analysis.SkinTone);
        Assert.Equal("9D7A54", analysis.SkinShade);
        Assert.Equal("#9D7A54", analysis.SkinShadeHex);
        Assert.Equal("Combination", analysis.SkinType);
        Assert.Equal(0, analysis.FacialHair);
        Assert.Equal(Outputs + "api_image.jpg", analysis.FacialHairUrl);
        Assert.Equal(Outputs + "api_image.jpg", analysis.InputImageUrl);
        Assert.Equal(Outputs + "combine_mask.jpg", analysis.CombineMaskedUrl);
        Assert.Equal(
            "Your skin is doing well overall, but there are some minor areas that could use attention, such as uneven texture or visible pores. Consistent care can bring it to its best.",
            analysis.Summary);
        Assert.False(analysis.IsEmulated);
    }

    [RecordedFixtureFact]
    public void The_zones_hold_their_images_and_types()
    {
        SkinZones zones = Read().Zones;

        Assert.NotNull(zones.TZone);
        Assert.NotNull(zones.UZone);
        Assert.Equal(Outputs + "t_zone.jpg", zones.TZone.ImageUrl);
        Assert.Equal("Oily", zones.TZone.Type);
        Assert.Equal(Outputs + "u_zone.jpg", zones.UZone.ImageUrl);
        Assert.Equal("Normal", zones.UZone.Type);
        Assert.Equal("Oily", zones.TZone.Json.GetProperty("type").GetString());
    }

    [RecordedFixtureFact]
    public void The_nine_concerns_keep_their_order_values_and_severities()
    {
        SkinConcernList concerns = Read().Concerns;

        Assert.Equal(
            [
                ("scars", 50, "Average"),
                ("hydration", 69, "Average"),
                ("pigmentation", 84, "Good"),
                ("dark_circles", 92, "Good"),
                ("eye_bags", 97, "Good"),
                ("acne", 100, "Good"),
                ("pores", 100, "Good"),
                ("whiteheads", 100, "Good"),
                ("wrinkles", 100, "Good"),
            ],
            concerns.Select(c => (c.TechName, c.Value, c.Severity)).ToArray());
        Assert.Equal(9, concerns.Count);
    }

    [RecordedFixtureFact]
    public void The_first_concern_is_read_field_by_field()
    {
        SkinConcern scars = Read().Concerns[0];

        Assert.Equal("face", scars.AreaName);
        Assert.Equal("Post Acne Scars", scars.Name);
        Assert.Equal("scars", scars.TechName);
        Assert.Equal(50, scars.Value);
        Assert.Equal(["0-49", "50-89", "90-100"], scars.ScoreRange);
        Assert.Equal("Average", scars.Severity);
        Assert.Equal(["Needs Attention", "Average", "Good"], scars.SeverityList);
        Assert.Equal(Outputs + "scar.jpg", scars.ImageUrl);
        Assert.Equal(
            "Your skin shows mild scarring, such as faint marks or slightly uneven texture. With a proper regimen\u2014like gentle exfoliation or targeted treatments\u2014you can gradually fade these scars.",
            scars.Description);
        Assert.Equal("Estimates the presence and severity of visible acne spots, such as whiteheads and inflamed pimples accompanied by redness.", scars.Analyses);
        Assert.Equal(JsonValueKind.Array, scars.Json.GetProperty("sub_areas").ValueKind);
        Assert.Equal(0, scars.Json.GetProperty("sub_areas").GetArrayLength());
        Assert.Equal("scars: 50 (Average)", scars.ToString());
    }

    [RecordedFixtureFact]
    public void Concerns_are_found_by_tech_name()
    {
        SkinConcernList concerns = Read().Concerns;

        Assert.Equal(84, concerns.Find(ConcernTechNames.Pigmentation)?.Value);
        Assert.Equal(["0-49", "50-79", "80-100"], concerns.Find(ConcernTechNames.Pigmentation)?.ScoreRange);
        Assert.Equal("Eye_bags", concerns.Find(ConcernTechNames.EyeBags)?.Name);
        Assert.Equal("Dark circles", concerns.Find(ConcernTechNames.DarkCircles)?.Name);
        Assert.True(concerns.TryGet("WRINKLES", out SkinConcern? wrinkles));
        Assert.Equal(100, wrinkles.Value);
        Assert.Contains("It\u2019s showing excellent elasticity", wrinkles.Description, StringComparison.Ordinal);
        Assert.Null(concerns.Find(ConcernTechNames.PostAcneScars)); // the service says "scars"
        Assert.Null(concerns.Find(ConcernTechNames.Redness));
        Assert.False(concerns.TryGet(ConcernTechNames.UnderEye, out _));
    }

    [RecordedFixtureFact]
    public void The_url_with_a_space_is_kept_exactly_as_sent()
    {
        SkinConcern darkCircles = Read().Concerns.Find(ConcernTechNames.DarkCircles)!;

        Assert.Equal(Outputs + "dark circle.jpg", darkCircles.ImageUrl);
    }

    [RecordedFixtureFact]
    public void The_raw_output_keeps_what_is_not_modelled()
    {
        byte[] document = RecordedFixtures.Read("transformation-success.json");
        SkinAnalysis analysis = AnalysisOutcome.Parse(document).Result;

        JsonElement skinData = analysis.OutputJson.GetProperty("skinData");
        Assert.Equal(88, skinData.GetProperty("total_skin_score").GetInt32());
        Assert.Equal(9, skinData.GetProperty("concerns").GetArrayLength());
        using JsonDocument whole = JsonDocument.Parse(document);
        Assert.True(JsonElement.DeepEquals(whole.RootElement.GetProperty("output"), analysis.OutputJson));
        using JsonDocument fromUtf8 = JsonDocument.Parse(analysis.OutputUtf8Json);
        Assert.True(JsonElement.DeepEquals(analysis.OutputJson, fromUtf8.RootElement));
    }

    [RecordedFixtureFact]
    public async Task Fetched_through_the_transformation_family_it_is_the_same_analysis()
    {
        using var service = new FakeService();
        service.RespondJson(RecordedFixtures.Read("transformation-success.json"));

        AnalysisOutcome outcome = await service.CreateClient(SkinLiteApi.Transformation).GetOutcomeAsync("skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6");

        Assert.True(outcome.TryGetResult(out SkinAnalysis? analysis));
        Assert.Equal(88, analysis.TotalSkinScore);
        Assert.Equal(9, analysis.Concerns.Count);
        Assert.Equal(
            "https://api.pixelbin.io/service/platform/transformation/v1.0/predictions/skinAnalysisInt--generate--019b033e-276b-700d-9e1b-a8fe645b3ae6",
            service.SingleRequest.Url);
    }
}
