using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;

namespace SkinLite.Cli.Output;

/// <summary>
/// results.csv: one row per image, for a spreadsheet. Each row is read off the image's results.jsonl line, so that the
/// two files never disagree. Fields are quoted as RFC 4180 says (Sep with escaping on): a path or message holding a
/// comma, a quote or a line break stays one field.
/// </summary>
internal sealed class BatchCsv : IDisposable
{
    /// <summary>The concern columns, in this order: the concerns the service documents. Others are left out of the CSV (results.jsonl keeps them).</summary>
    public static readonly string[] Concerns =
    [
        ConcernTechNames.Acne, ConcernTechNames.Wrinkles, ConcernTechNames.Pores, ConcernTechNames.Scars, ConcernTechNames.Hydration,
        ConcernTechNames.Pigmentation, ConcernTechNames.DarkCircles, ConcernTechNames.EyeBags, ConcernTechNames.Whiteheads,
        ConcernTechNames.Redness, ConcernTechNames.UnderEye, ConcernTechNames.PostAcneScars,
    ];

    /// <summary>Every column, in order.</summary>
    public static readonly string[] Header = ["path", "outcome", "reason", "total_score", "skin_type", "skin_tone", "skin_age", .. Concerns];

    private readonly StreamWriter _text;
    private readonly SepWriter _writer;

    /// <summary>Starts <paramref name="path"/> afresh with the header row.</summary>
    public BatchCsv(string path)
    {
        _text = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        _writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(_text, leaveOpen: true);
        _writer.Header.Add(Header);
        _writer.Header.Write();
        Flush();
    }

    /// <summary>Writes the row of one results.jsonl line and flushes it.</summary>
    public void Write(ReadOnlySpan<byte> line)
    {
        using (JsonDocument document = JsonDocument.Parse(line.ToArray()))
        {
            JsonElement root = document.RootElement;
            JsonElement result = root.TryGetProperty("result", out JsonElement r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("concerns", out JsonElement concerns) && concerns.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement concern in concerns.EnumerateArray())
                {
                    if (Text(concern, "techName") is { } name && Text(concern, "value") is { } value)
                    {
                        values.TryAdd(name, value);
                    }
                }
            }

            using SepWriter.Row row = _writer.NewRow();
            row["path"].Set(Text(root, "path"));
            row["outcome"].Set(Text(root, "outcome"));
            row["reason"].Set(Text(root, "reason"));
            row["total_score"].Set(Text(result, "totalSkinScore"));
            row["skin_type"].Set(Text(result, "skinType"));
            row["skin_tone"].Set(Text(result, "skinTone"));
            row["skin_age"].Set(Text(result, "skinAge"));
            foreach (string concern in Concerns)
            {
                row[concern].Set(values.GetValueOrDefault(concern));
            }
        }

        Flush();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _text.Dispose();
    }

    private void Flush()
    {
        _writer.Flush();
        _text.Flush();
    }

    /// <summary>A member as text: a string as it is, a number as written, null or missing as empty.</summary>
    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}
