using System.Globalization;
using System.Text.Json;

namespace SkinLite.Emulator;

/// <summary>
/// Writes <c>output</c> for a finished job: <c>skinData</c> with every field of the recorded real document, values made up
/// from the image's seed (plausible, in the documented ranges, the same for the same image), and <c>emulated: true</c>.
/// Every text says it is synthetic: nothing here pretends to be a real skin analysis.
/// </summary>
internal static class SyntheticAnalysis
{
    public const string Summary =
        "EMULATED RESULT: SkinLite's offline emulator made these numbers up from the image bytes. No face or skin was analysed; do not use it for anything but testing.";

    private static readonly string[] Tones = ["Fair", "Light", "Medium", "Olive", "Tan", "Deep"];
    private static readonly string[] Types = ["Oily", "Dry", "Normal", "Combination"];

    /// <param name="writer">Positioned where the <c>output</c> value goes.</param>
    /// <param name="seed">The image's seed.</param>
    /// <param name="outputs">The absolute URL the mask images are named under, ending in <c>/</c>.</param>
    public static void WriteOutput(Utf8JsonWriter writer, ulong seed, string outputs)
    {
        var random = new SplitMix64(seed);
        Span<int> values = stackalloc int[ConcernCatalog.All.Length];
        int sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Between(25, 100);
            sum += values[i];
        }

        int total = (int)Math.Round(sum / (double)values.Length, MidpointRounding.AwayFromZero);
        int skinAge = random.Between(18, 60);
        writer.WriteStartObject();
        writer.WriteStartObject("skinData");
        writer.WriteNumber("total_skin_score", total);
        writer.WriteNumber("skin_age", skinAge);
        writer.WriteNumber("eye_age", Math.Clamp(skinAge + random.Between(-3, 3), 18, 60));
        writer.WriteString("skin_health", ConcernKind.SeverityList[total >= 90 ? 2 : total >= 50 ? 1 : 0]);
        writer.WriteString("skin_tone", random.Pick<string>(Tones));
        writer.WriteString("skin_shade", ((random.Next() & 0xFFFFFF) | 0x404040).ToString("X6", CultureInfo.InvariantCulture));
        writer.WriteString("skin_type", random.Pick<string>(Types));
        writer.WriteString("inputImage", outputs + "api_image.png");
        writer.WriteNumber("facial_hair", random.Between(0, 1));
        writer.WriteString("facial_hair_url", outputs + "api_image.png");
        writer.WriteStartObject("zones");
        WriteZone(writer, "t_zone", outputs + "t_zone.png", random.Pick<string>(Types));
        WriteZone(writer, "u_zone", outputs + "u_zone.png", random.Pick<string>(Types));
        writer.WriteEndObject();
        writer.WriteString("combine_masked_url", outputs + "combine_mask.png");
        writer.WriteString("summary", Summary);
        writer.WriteStartArray("concerns");
        for (int i = 0; i < values.Length; i++)
        {
            WriteConcern(writer, ConcernCatalog.All[i], values[i], outputs);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteBoolean("emulated", true);
        writer.WriteEndObject();
    }

    private static void WriteZone(Utf8JsonWriter writer, string name, string image, string type)
    {
        writer.WriteStartObject(name);
        writer.WriteString("image", image);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    private static void WriteConcern(Utf8JsonWriter writer, ConcernKind kind, int value, string outputs)
    {
        writer.WriteStartObject();
        writer.WriteString("area_name", "face");
        writer.WriteString("name", kind.Name);
        writer.WriteString("tech_name", kind.TechName);
        writer.WriteNumber("value", value);
        writer.WriteStartArray("score_range");
        foreach (string band in kind.ScoreRange)
        {
            writer.WriteStringValue(band);
        }

        writer.WriteEndArray();
        writer.WriteString("severity", kind.Severity(value));
        writer.WriteStartArray("severity_list");
        foreach (string severity in ConcernKind.SeverityList)
        {
            writer.WriteStringValue(severity);
        }

        writer.WriteEndArray();
        // The real service names files with spaces in them (`dark circle.jpg`) and sends them unescaped: so does the emulator.
        writer.WriteString("image", outputs + AssetImages.OutputName(kind.ImageFile));
        writer.WriteString("description", $"Emulated: a made-up {kind.Name.ToLowerInvariant()} score of {value}, derived from the image bytes, not from a face.");
        writer.WriteString("analyses", "SkinLite emulator: no analysis was run; this text stands in for the service's explanation of the concern.");
        writer.WriteStartArray("sub_areas");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
