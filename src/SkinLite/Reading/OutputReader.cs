using System.Text.Json;

namespace SkinLite;

/// <summary>Reads the <c>output</c> object of a finished job (the rejection error, <c>status_code</c>, the analysis) in the same pass as the document.</summary>
internal static class OutputReader
{
    /// <summary>
    /// What the <c>output</c> object held, with where it sits in the reader's input as it was passed in. The reader's input
    /// afterwards starts <paramref name="ReaderShift"/> bytes further in (see <see cref="SkinDataReader.Read"/>).
    /// </summary>
    public readonly record struct Draft(int Start, int End, string? Error, int? StatusCode, bool Emulated, SkinDataDraft? SkinData, int ReaderShift);

    /// <summary>Reads the object at the reader (on its <c>StartObject</c>).</summary>
    /// <param name="reader">On the object's start.</param>
    /// <param name="json">The reader's input.</param>
    /// <param name="isFailure">The status read so far says the job failed, so the analysis is not worth reading.</param>
    /// <param name="scan">The concerns may be read on the fast path (see <see cref="SkinDataReader.Read"/>).</param>
    public static Draft Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool isFailure, bool scan)
    {
        int start = (int)reader.TokenStartIndex;
        int shift = 0;
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
                    skinData = SkinDataReader.Read(ref reader, json[shift..], start - shift, scan);
                    shift += skinData.ReaderShift;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = TolerantJsonValues.ReadText(ref reader, json[shift..]);
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

        return new Draft(start, shift + (int)reader.BytesConsumed, error, statusCode, emulated, skinData, shift);
    }

    /// <summary>
    /// The outcome of a finished job. A failure status wins. Otherwise an error (in <c>output</c>, else at the top level)
    /// or a 4xx <c>status_code</c> is a rejection, a 5xx one a failure, whatever else the document says; a success needs
    /// an analysis (<c>output.skinData</c>), and a SUCCESS with none of these is not a result but a protocol error that
    /// asking again will not fix.
    /// </summary>
    /// <param name="output">The <c>output</c> object, or <see langword="null"/> when the document had none.</param>
    /// <param name="json">The bytes <paramref name="output"/>'s offsets point into.</param>
    /// <param name="body">The document as it came, for the excerpt of an error (<paramref name="json"/> may be a compacted copy).</param>
    /// <param name="status">The terminal status.</param>
    /// <param name="topLevelError">The document's top-level <c>error</c>.</param>
    /// <param name="topLevelStatusCode">The document's top-level <c>status_code</c>, used when <c>output</c> has none.</param>
    public static AnalysisOutcome Classify(in Draft? output, ReadOnlySpan<byte> json, ReadOnlySpan<byte> body, JobStatus status, string? topLevelError, int? topLevelStatusCode)
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
                body);
        }

        return AnalysisOutcome.Succeeded(status, SkinDataDraft.Build(finished.SkinData, Retain(json[finished.Start..finished.End]), finished.Emulated), statusCode);
    }

    /// <summary>A copy of the <c>output</c> object for the analysis to keep; 5-10 KB, written over at once, so not cleared first.</summary>
    private static byte[] Retain(ReadOnlySpan<byte> output)
    {
        byte[] copy = GC.AllocateUninitializedArray<byte>(output.Length);
        output.CopyTo(copy);
        return copy;
    }
}
