using System.Text.Json;
using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>The emulator's documents carry every field the real service's recorded documents carry.</summary>
public class EmulatorParityTests
{
    [RecordedFixtureFact]
    public async Task The_submit_answer_has_every_recorded_field()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using JsonDocument recorded = JsonDocument.Parse(RecordedFixtures.Read("transformation-accepted.json"));
        (JsonDocument submitted, _) = await RawJob(emulator);

        using (submitted)
        {
            AssertHasEveryField(recorded.RootElement, submitted.RootElement, "$");
            Assert.Equal("ACCEPTED", submitted.RootElement.GetProperty("status").GetString());
        }
    }

    [RecordedFixtureFact]
    public async Task The_finished_document_has_every_recorded_field_and_concern_kind()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        using JsonDocument recorded = JsonDocument.Parse(RecordedFixtures.Read("transformation-success.json"));
        (JsonDocument submitted, JsonDocument result) = await RawJob(emulator);

        using (submitted)
        using (result)
        {
            AssertHasEveryField(recorded.RootElement, result.RootElement, "$");
            Assert.Equal(
                recorded.RootElement.GetProperty("output").GetProperty("skinData").GetProperty("concerns").EnumerateArray().Select(c => c.GetProperty("tech_name").GetString()).Order(),
                result.RootElement.GetProperty("output").GetProperty("skinData").GetProperty("concerns").EnumerateArray().Select(c => c.GetProperty("tech_name").GetString()).Order());
            Assert.True(result.RootElement.GetProperty("output").GetProperty("emulated").GetBoolean());
        }
    }

    [RecordedFixtureFact]
    public async Task The_typed_model_is_as_complete_as_for_the_recorded_document()
    {
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator, SkinLiteApi.Transformation);
        SkinAnalysis real = AnalysisOutcome.Parse(RecordedFixtures.Read("transformation-success.json")).Result;

        SkinAnalysis emulated = (await client.GetOutcomeAsync(await client.SubmitAsync(Emulated.Face()))).Result;

        Assert.False(real.IsEmulated);
        Assert.True(emulated.IsEmulated);
        Assert.Equal(Present(real), Present(emulated));
        Assert.Equal(Present(real.Concerns[0]), Present(emulated.Concerns[0]));
        Assert.Equal(real.Concerns.Select(c => c.TechName).Order(), emulated.Concerns.Select(c => c.TechName).Order());
    }

    private static string Present(SkinAnalysis a) => string.Join(",", new object?[]
    {
        a.TotalSkinScore, a.SkinAge, a.EyeAge, a.SkinHealth, a.SkinTone, a.SkinShade, a.SkinType, a.FacialHair, a.FacialHairUrl,
        a.InputImageUrl, a.CombineMaskedUrl, a.Summary, a.Zones.TZone?.Type, a.Zones.TZone?.ImageUrl, a.Zones.UZone?.Type, a.Zones.UZone?.ImageUrl,
    }.Select(v => v is null ? "missing" : "present"));

    private static string Present(SkinConcern c) => string.Join(",", new object?[]
    {
        c.TechName, c.Name, c.AreaName, c.Value, c.Severity, c.ImageUrl, c.Description, c.Analyses, c.ScoreRange.Count > 0 ? 1 : null, c.SeverityList.Count > 0 ? 1 : null,
    }.Select(v => v is null ? "missing" : "present"));

    /// <summary>Every property of <paramref name="real"/>, recursively (arrays by their first element), exists in <paramref name="emulated"/> with the same JSON kind.</summary>
    private static void AssertHasEveryField(JsonElement real, JsonElement emulated, string path)
    {
        Assert.True(real.ValueKind == emulated.ValueKind || real.ValueKind is JsonValueKind.True or JsonValueKind.False && emulated.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path}: {real.ValueKind} in the recording, {emulated.ValueKind} emulated");
        if (real.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in real.EnumerateObject())
            {
                Assert.True(emulated.TryGetProperty(property.Name, out JsonElement counterpart), $"{path}.{property.Name} is missing from the emulated document");
                AssertHasEveryField(property.Value, counterpart, $"{path}.{property.Name}");
            }
        }
        else if (real.ValueKind == JsonValueKind.Array && real.GetArrayLength() > 0)
        {
            Assert.True(emulated.GetArrayLength() > 0, $"{path} is empty in the emulated document");
            foreach (JsonElement item in emulated.EnumerateArray())
                AssertHasEveryField(real[0], item, $"{path}[]");
        }
    }

    private static async Task<(JsonDocument Submitted, JsonDocument Result)> RawJob(SkinAnalysisEmulator emulator)
    {
        using var http = new HttpClient(emulator.CreateHandler());
        http.DefaultRequestHeaders.Authorization = new("Bearer", SkinAnalysisEmulator.DefaultCredential);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Emulated.Face()), "input.image", "face.png" } };
        using HttpResponseMessage submit = await http.PostAsync(SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation) + "/predictions/skinAnalysisInt/generate", form);
        JsonDocument submitted = JsonDocument.Parse(await submit.Content.ReadAsStringAsync());
        string url = submitted.RootElement.GetProperty("urls").GetProperty("get").GetString()!;
        return (submitted, JsonDocument.Parse(await http.GetStringAsync(url)));
    }
}
