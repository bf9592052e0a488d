using System.Text.Json;

namespace SkinLite;

/// <summary>Reads the <c>output</c> object of a finished job (the rejection error, <c>status_code</c>, the analysis) in the same pass as the document.</summary>
internal static class OutputReader
{
    /// <summary>What the <c>output</c> object held, with where it sits in the document.</summary>
    public readonly record struct Draft(int Start, int End, string? Error, int? StatusCode, bool Emulated, SkinDataDraft? SkinData);

    /// <summary>Reads the object at the reader (on its <c>StartObject</c>). <paramref name="isFailure"/>: the status read so far says the job failed, so the analysis is not worth reading.</summary>
    public static Draft Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool isFailure)
    {
        int start = (int)reader.TokenStartIndex;
        string? error = null;
        int? statusCode = null;
        bool emulated = false;
        SkinDataDraft? skinData = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("skinData"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && string.IsNullOrEmpty(error) && !isFailure)
                {
                    skinData = SkinDataReader.Read(ref reader, start);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = TolerantJsonValues.ReadText(ref reader, json);
            }
            else if (reader.ValueTextEquals("status_code"u8))
            {
                reader.Read();
                statusCode = TolerantJsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("emulated"u8))
            {
                reader.Read();
                emulated = TolerantJsonValues.ReadBoolean(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Draft(start, (int)reader.BytesConsumed, error, statusCode, emulated, skinData);
    }

    /// <summary>The outcome of a finished job whose document had an <c>output</c> object.</summary>
    public static AnalysisOutcome Classify(in Draft output, ReadOnlySpan<byte> json, JobStatus status, string? topLevelError, int? topLevelStatusCode)
    {
        int? statusCode = output.StatusCode ?? topLevelStatusCode;
        if (status.IsFailure)
        {
            return AnalysisOutcome.Failed(status, topLevelError ?? output.Error, statusCode);
        }

        if (!string.IsNullOrEmpty(output.Error))
        {
            return AnalysisOutcome.Rejected(status, output.Error, statusCode);
        }

        return AnalysisOutcome.Succeeded(status, SkinDataDraft.Build(output.SkinData, json[output.Start..output.End].ToArray(), output.Emulated), statusCode);
    }
}
