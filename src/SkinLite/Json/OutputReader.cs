using System.Text.Json;

namespace SkinLite;

/// <summary>Reads the <c>output</c> object of a finished job: the rejection error, <c>status_code</c>, and the analysis.</summary>
internal static class OutputReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    public static AnalysisOutcome Read(ReadOnlySpan<byte> output, JobStatus status, string? topLevelError, int? topLevelStatusCode)
    {
        var reader = new Utf8JsonReader(output, ReaderOptions);
        reader.Read();
        string? error = null;
        int? statusCode = null;
        bool emulated = false;
        SkinDataDraft? skinData = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("skinData"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject && string.IsNullOrEmpty(error) && !status.IsFailure)
                {
                    skinData = SkinDataReader.Read(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = JsonValues.ReadText(ref reader, output);
            }
            else if (reader.ValueTextEquals("status_code"u8))
            {
                reader.Read();
                statusCode = JsonValues.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("emulated"u8))
            {
                reader.Read();
                emulated = JsonValues.ReadBoolean(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        statusCode ??= topLevelStatusCode;
        if (status.IsFailure)
        {
            return AnalysisOutcome.Failed(status, topLevelError ?? error, statusCode);
        }

        if (!string.IsNullOrEmpty(error))
        {
            return AnalysisOutcome.Rejected(status, error, statusCode);
        }

        return AnalysisOutcome.Succeeded(status, SkinDataDraft.Build(skinData, output.ToArray(), emulated), statusCode);
    }
}
