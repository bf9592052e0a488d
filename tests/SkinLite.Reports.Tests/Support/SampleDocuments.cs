using System.Buffers;
using System.Text.Json;

namespace SkinLite.Reports.Tests.Support;

/// <summary>Result documents in the service's shape (that of the recording and of the emulator), written field by field.</summary>
internal static class SampleDocuments
{
    public const string Outputs = "https://delivery.example/predictions/outputs/p-1/";
    public const string InputUrl = "https://delivery.example/predictions/inputs/p-1/0.png";

    public static ConcernSpec[] DefaultConcerns =>
    [
        new("Post Acne Scars", "scars", 45, "Needs Attention", Outputs + "scar.png", "Some scarring."),
        new("Hydration", "hydration", 69, "Average", Outputs + "hydration.png", "Moderate hydration."),
        new("Dark circles", "dark_circles", 92, "Good", Outputs + "dark circle.png", "No visible discoloration."),
    ];

    public static byte[] Success(
        int? total = 72,
        string? shade = "9D7A54",
        bool emulated = false,
        string summary = "A sample summary of the skin.",
        string skinType = "Combination",
        string tone = "Olive",
        string health = "Average",
        string zoneType = "Oily",
        string outputs = Outputs,
        string inputUrl = InputUrl,
        IReadOnlyList<ConcernSpec>? concerns = null) =>
        Write(writer =>
        {
            writer.WriteStartObject("input");
            writer.WriteString("image", inputUrl);
            writer.WriteEndObject();
            writer.WriteString("status", "SUCCESS");
            writer.WriteString("_id", "skinAnalysisInt--generate--p-1");
            writer.WriteStartObject("output");
            writer.WriteStartObject("skinData");
            if (total is { } score)
            {
                writer.WriteNumber("total_skin_score", score);
            }

            writer.WriteNumber("skin_age", 31);
            writer.WriteNumber("eye_age", 33);
            writer.WriteString("skin_health", health);
            writer.WriteString("skin_tone", tone);
            if (shade is not null)
            {
                writer.WriteString("skin_shade", shade);
            }

            writer.WriteString("skin_type", skinType);
            writer.WriteString("inputImage", outputs + "api_image.png");
            writer.WriteNumber("facial_hair", 0);
            writer.WriteString("facial_hair_url", outputs + "api_image.png");
            writer.WriteStartObject("zones");
            foreach (string zone in (string[])["t_zone", "u_zone"])
            {
                writer.WriteStartObject(zone);
                writer.WriteString("image", outputs + zone + ".png");
                writer.WriteString("type", zoneType);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteString("combine_masked_url", outputs + "combine_mask.png");
            writer.WriteString("summary", summary);
            writer.WriteStartArray("concerns");
            foreach (ConcernSpec concern in concerns ?? DefaultConcerns)
            {
                WriteConcern(writer, concern);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            if (emulated)
            {
                writer.WriteBoolean("emulated", true);
            }

            writer.WriteEndObject();
        });

    /// <summary>A finished analysis whose every string (names, bands, URLs, summary, shade...) is <paramref name="payload"/>.</summary>
    public static byte[] Hostile(string payload) => Success(
        shade: payload,
        summary: payload,
        skinType: payload,
        tone: payload,
        health: payload,
        zoneType: payload,
        outputs: payload,
        inputUrl: payload,
        concerns:
        [
            new(payload, payload, 40, payload, payload, payload, payload, payload, [payload], [payload]),
            new(payload, "second", 95, payload, payload, payload, payload, payload, [payload, payload], [payload, payload]),
        ]);

    public static byte[] Rejected(string message, int statusCode = 422) => Write(writer =>
    {
        writer.WriteString("status", "SUCCESS");
        writer.WriteStartObject("input");
        writer.WriteString("image", InputUrl);
        writer.WriteEndObject();
        writer.WriteStartObject("output");
        writer.WriteString("error", message);
        writer.WriteNumber("status_code", statusCode);
        writer.WriteEndObject();
    });

    public static byte[] Failed(string error) => Write(writer =>
    {
        writer.WriteString("status", "FAILURE");
        writer.WriteString("error", error);
        writer.WriteNull("output");
    });

    public static byte[] Pending(string status = "PROCESSING") => Write(writer => writer.WriteString("status", status));

    private static void WriteConcern(Utf8JsonWriter writer, ConcernSpec concern)
    {
        writer.WriteStartObject();
        writer.WriteString("area_name", concern.Area);
        writer.WriteString("name", concern.Name);
        writer.WriteString("tech_name", concern.TechName);
        if (concern.Value is { } value)
        {
            writer.WriteNumber("value", value);
        }

        writer.WriteStartArray("score_range");
        foreach (string range in concern.ScoreRange ?? ConcernSpec.DefaultRanges)
        {
            writer.WriteStringValue(range);
        }

        writer.WriteEndArray();
        writer.WriteString("severity", concern.Severity);
        writer.WriteStartArray("severity_list");
        foreach (string severity in concern.SeverityList ?? ConcernSpec.DefaultSeverities)
        {
            writer.WriteStringValue(severity);
        }

        writer.WriteEndArray();
        writer.WriteString("image", concern.Image);
        writer.WriteString("description", concern.Description);
        writer.WriteString("analyses", concern.Analyses);
        writer.WriteStartArray("sub_areas");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
