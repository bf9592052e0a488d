using System.Buffers;
using System.Text.Json;

namespace SkinLite.Reports;

/// <summary>
/// A minimal result document for an outcome that came from <c>AnalyzeAsync</c>, which keeps the output but not the
/// whole document: written in the service's own shape, so that <see cref="AnalysisOutcome.Parse(ReadOnlySpan{byte})"/>
/// reads it back to the same kind, status, message, status code, credits and analysis. The input image's URL is not
/// part of the output, so such a save has no <c>input.image</c>.
/// </summary>
internal static class OutcomeDocument
{
    public static byte[] From(AnalysisOutcome outcome)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", outcome.Status.Value);
            switch (outcome.Kind)
            {
                case OutcomeKind.Succeeded:
                    json.WritePropertyName("output");
                    json.WriteRawValue(outcome.Result.OutputUtf8Json.Span, skipInputValidation: false);
                    break;
                case OutcomeKind.Rejected:
                    // The service answers a rejected image with SUCCESS and the reason in output (error, status_code).
                    json.WriteStartObject("output");
                    WriteErrorAndCode(json, outcome);
                    json.WriteEndObject();
                    break;
                case OutcomeKind.Failed when outcome.Status.IsFailure:
                    // A failed job: FAILURE with the error at the top level.
                    WriteErrorAndCode(json, outcome);
                    break;
                case OutcomeKind.Failed:
                    // A 5xx status_code under a SUCCESS status is a failure too; an error beside it would read as a rejection.
                    json.WriteStartObject("output");
                    if (outcome.StatusCode is { } code)
                    {
                        json.WriteNumber("status_code", code);
                    }

                    json.WriteEndObject();
                    break;
                default:
                    throw new ArgumentException($"Only a finished outcome can be saved; this one is {outcome.Kind}.", nameof(outcome));
            }

            if (outcome.ConsumedCredits is { } credits)
            {
                json.WriteNumber("consumedCredits", credits);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteErrorAndCode(Utf8JsonWriter json, AnalysisOutcome outcome)
    {
        if (outcome.Message is { } message)
        {
            json.WriteString("error", message);
        }

        if (outcome.StatusCode is { } code)
        {
            json.WriteNumber("status_code", code);
        }
    }
}
