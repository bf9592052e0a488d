using System.Text;
using System.Text.Json;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Everything a caller can read from a parse, decoded, in one string: the outcome's kind, status, code, reason and
/// message and every field of its analysis, or the type of the SkinLite exception. Raw bytes (OutputUtf8Json) are left
/// out: two layouts of one document differ there by design.
/// </summary>
internal static class OutcomeFingerprint
{
    public static string Of(byte[] document) => Of(document, static bytes => AnalysisOutcome.Parse(bytes));

    /// <summary>The fingerprint of what <paramref name="parse"/> makes of the document.</summary>
    public static string Of(byte[] document, Func<byte[], AnalysisOutcome> parse)
    {
        AnalysisOutcome outcome;
        try
        {
            outcome = parse(document);
        }
        catch (SkinLiteException error)
        {
            return "refused: " + error.GetType().Name;
        }

        var text = new StringBuilder()
            .Append(outcome.Kind).Append('|').Append(outcome.Status).Append('|').Append(outcome.StatusCode)
            .Append('|').Append(outcome.RejectionReason).Append('|').Append(Normalised(outcome.Message));
        if (outcome.TryGetResult(out SkinAnalysis? a))
        {
            text.AppendJoin('|', [a.TotalSkinScore, a.SkinAge, a.EyeAge, a.SkinHealth, a.SkinTone, a.SkinShade, a.SkinType, a.FacialHair,
                a.FacialHairUrl, a.InputImageUrl, a.CombineMaskedUrl, a.Summary, a.IsEmulated]);
            foreach (SkinZone? zone in new[] { a.Zones.TZone, a.Zones.UZone })
            {
                text.Append("|zone:").Append(zone?.ImageUrl).Append(',').Append(zone?.Type);
            }

            foreach (SkinConcern c in a.Concerns)
            {
                text.Append("|concern:").AppendJoin(',', [c.Name, c.TechName, c.AreaName, c.Value, c.Severity, c.ImageUrl, c.Description, c.Analyses,
                    AnalysisText.Items(c.ScoreRange), AnalysisText.Items(c.SeverityList)]);
            }
        }

        return text.ToString();
    }

    /// <summary>An <c>error</c> that is an object or an array comes as its raw JSON text, layout and all: compared without the layout.</summary>
    private static string? Normalised(string? message)
    {
        if (message is not ['{' or '[', ..])
        {
            return message;
        }

        using JsonDocument json = JsonDocument.Parse(message);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
