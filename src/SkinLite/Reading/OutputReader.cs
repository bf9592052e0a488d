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

    /// <summary>
    /// The outcome of a finished job. A failure status wins. Otherwise an error (in <c>output</c>, else at the top level)
    /// or a 4xx <c>status_code</c> is a rejection, a 5xx one a failure, whatever else the document says; a success needs
    /// an analysis (<c>output.skinData</c>), and a SUCCESS with none of these is not a result but a protocol error that
    /// asking again will not fix.
    /// </summary>
    /// <param name="output">The <c>output</c> object, or <see langword="null"/> when the document had none.</param>
    /// <param name="json">The bytes <paramref name="output"/>'s offsets point into.</param>
    /// <param name="status">The terminal status.</param>
    /// <param name="topLevelError">The document's top-level <c>error</c>.</param>
    /// <param name="topLevelStatusCode">The document's top-level <c>status_code</c>, used when <c>output</c> has none.</param>
    public static AnalysisOutcome Classify(in Draft? output, ReadOnlySpan<byte> json, JobStatus status, string? topLevelError, int? topLevelStatusCode)
    {
        int? statusCode = output?.StatusCode ?? topLevelStatusCode;
        string? outputError = output?.Error;
        if (status.IsFailure)
        {
            return AnalysisOutcome.Failed(status, topLevelError ?? outputError, statusCode);
        }

        string? error = !string.IsNullOrEmpty(outputError) ? outputError : !string.IsNullOrEmpty(topLevelError) ? topLevelError : null;
        if (error is not null || statusCode is >= 400 and <= 499)
        {
            return AnalysisOutcome.Rejected(status, error, statusCode);
        }

        if (statusCode is >= 500 and <= 599)
        {
            return AnalysisOutcome.Failed(status, null, statusCode);
        }

        if (output is not { SkinData: not null } finished)
        {
            throw SkinLiteProtocolException.NotAResult(
                output is null ? "its status is SUCCESS but it has no output object" : "its status is SUCCESS but its output has neither an analysis (skinData) nor an error",
                json);
        }

        return AnalysisOutcome.Succeeded(status, SkinDataDraft.Build(finished.SkinData, json[finished.Start..finished.End].ToArray(), finished.Emulated), statusCode);
    }
}
