using System.Buffers;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// Classifies a result document in one forward pass, <c>output</c> included (it is not skipped and read again). A pending
/// status read before anything else ends the read at once: polling a running job parses nothing it does not need and
/// allocates nothing for the well-known statuses. An indented answer has its remainder from <c>output</c> on compacted
/// into a pooled buffer first (<see cref="CompactJson"/>), and the reader carries on there from where it stood.
/// </summary>
internal static class PredictionDocumentReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>A shorter remainder (a rejection, a failure) is read as it is: compacting it would cost what it saves. A success is 5-10 KB.</summary>
    private const int MinCompactedBytes = 2048;

    public static AnalysisOutcome Read(ReadOnlySpan<byte> json)
    {
        json = ByteOrderMark.Skip(json);
        byte[]? compacted = null;
        try
        {
            return ReadDocument(json, compact: true, ref compacted);
        }
        catch (Exception ex) when (JsonReadFailure.Is(ex))
        {
            // Positions in a compacted remainder, or after concerns read on the fast path, are not the body's: the body as
            // it came, read by the reader alone, says where it breaks.
            return ReadUncompacted(json);
        }
        finally
        {
            if (compacted is not null)
            {
                ArrayPool<byte>.Shared.Return(compacted);
            }
        }
    }

    /// <summary>The same document read by <see cref="Utf8JsonReader"/> alone, without compacting it or scanning its concerns: what <see cref="Read"/> must always agree with.</summary>
    internal static AnalysisOutcome ReadByReaderAlone(ReadOnlySpan<byte> json) => ReadUncompacted(ByteOrderMark.Skip(json));

    private static AnalysisOutcome ReadUncompacted(ReadOnlySpan<byte> json)
    {
        byte[]? none = null;
        try
        {
            return ReadDocument(json, compact: false, ref none);
        }
        catch (Exception ex) when (JsonReadFailure.Is(ex))
        {
            throw SkinLiteProtocolException.Malformed("result document", json, ex);
        }
    }

    private static AnalysisOutcome ReadDocument(ReadOnlySpan<byte> body, bool compact, ref byte[]? compacted)
    {
        ReadOnlySpan<byte> json = body;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw SkinLiteProtocolException.Shape("result document", "it is not a JSON object", body);
        }

        JobStatus? status = null;
        string? error = null;
        int? statusCode = null;
        int? consumedCredits = null;
        OutputReader.Draft? output = null;
        ReadOnlySpan<byte> outputSource = json; // what output's offsets point into
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw SkinLiteProtocolException.Shape("result document", $"its status is a JSON {reader.TokenType}, not a string", body);
                }

                JobStatus read = JobStatus.FromUtf8(ref reader);
                if (!read.IsTerminal)
                {
                    return AnalysisOutcome.Pending(read);
                }

                status = read;
            }
            else if (reader.ValueTextEquals("output"u8))
            {
                ReadOnlySpan<byte> rest = json[(int)reader.BytesConsumed..];
                if (compact && compacted is null && rest.Length >= MinCompactedBytes && CompactJson.IsFormatted(rest))
                {
                    compacted = ArrayPool<byte>.Shared.Rent(rest.Length);
                    json = compacted.AsSpan(0, CompactJson.Compact(rest, compacted));
                    reader = new Utf8JsonReader(json, isFinalBlock: true, reader.CurrentState);
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    output = OutputReader.Read(ref reader, json, status?.IsFailure ?? false, scan: compact);
                    outputSource = json;
                    json = json[output.Value.ReaderShift..];
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
            else if (reader.ValueTextEquals("consumedCredits"u8))
            {
                reader.Read();
                consumedCredits = TolerantJsonValues.ReadInt32(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (status is not { } terminal)
        {
            throw SkinLiteProtocolException.Shape("result document", "it has no status", body);
        }

        AnalysisOutcome outcome = OutputReader.Classify(output, outputSource, body, terminal, error, statusCode);
        return consumedCredits is null ? outcome : outcome.WithConsumedCredits(consumedCredits);
    }
}
