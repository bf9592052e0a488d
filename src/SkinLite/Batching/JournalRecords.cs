using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkinLite;

/// <summary>
/// The batch journal's line format, written and read in one place: one JSON object per line, UTF-8, no reflection. The
/// first line is the header; every other line is a record of one image (docs/batch.md has the exact JSON of each).
/// </summary>
internal static class JournalRecords
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The value of the header's <c>journal</c> member.</summary>
    public const string FormatName = "skinlite-batch";

    public static ReadOnlySpan<byte> Submitting => "submitting"u8;

    public static ReadOnlySpan<byte> Submitted => "submitted"u8;

    public static ReadOnlySpan<byte> Outcome => "outcome"u8;

    public static ReadOnlySpan<byte> Refused => "refused"u8;

    public static ReadOnlySpan<byte> NotSubmitted => "not-submitted"u8;

    /// <summary>A snapshot of the client's learned processing times: not about one image, so it has no path or hash.</summary>
    public static ReadOnlySpan<byte> ProcessingTimes => "processing-times"u8;

    /// <summary>Compact, and non-ASCII paths as they are (human-readable); control characters and quotes are still escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static void WriteHeader(Utf8JsonWriter writer, DateTimeOffset created)
    {
        writer.WriteStartObject();
        writer.WriteString("journal"u8, FormatName);
        writer.WriteNumber("version"u8, Version);
        writer.WriteString("created"u8, created);
        writer.WriteEndObject();
    }

    public static void WriteSubmitting(Utf8JsonWriter writer, string path, ContentHash hash, DateTimeOffset at)
    {
        Start(writer, Submitting, path, hash);
        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    public static void WriteSubmitted(Utf8JsonWriter writer, string path, ContentHash hash, SkinAnalysisJob job, DateTimeOffset at)
    {
        Start(writer, Submitted, path, hash);
        writer.WritePropertyName("job"u8);
        JsonSerializer.Serialize(writer, job, SkinLiteJsonContext.Default.SkinAnalysisJob);
        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    public static void WriteOutcome(Utf8JsonWriter writer, string path, ContentHash hash, JournalOutcome outcome, DateTimeOffset at)
    {
        Start(writer, Outcome, path, hash);
        writer.WriteString("kind"u8, KindName(outcome.Kind));
        if (outcome.Reason != RejectionReason.None)
        {
            writer.WriteString("reason"u8, outcome.Reason.ToString());
        }

        if (outcome.Message is not null)
        {
            writer.WriteString("message"u8, outcome.Message);
        }

        if (outcome.ConsumedCredits is int credits)
        {
            writer.WriteNumber("credits"u8, credits);
        }

        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    public static void WriteRefused(Utf8JsonWriter writer, string path, ContentHash hash, RejectionReason reason, string? message, DateTimeOffset at)
    {
        Start(writer, Refused, path, hash);
        writer.WriteString("reason"u8, reason.ToString());
        if (message is not null)
        {
            writer.WriteString("message"u8, message);
        }

        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    /// <summary><c>{"record":"processing-times","intervals":[[lower,upper],...],"at":...}</c>, seconds from each submit's answer.</summary>
    public static void WriteProcessingTimes(Utf8JsonWriter writer, IReadOnlyList<ProcessingTimeInterval> intervals, DateTimeOffset at)
    {
        writer.WriteStartObject();
        writer.WriteString("record"u8, ProcessingTimes);
        writer.WriteStartArray("intervals"u8);
        foreach (ProcessingTimeInterval interval in intervals)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(interval.Lower.TotalSeconds, 3));
            writer.WriteNumberValue(Math.Round(interval.Upper.TotalSeconds, 3));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    public static void WriteNotSubmitted(Utf8JsonWriter writer, string path, ContentHash hash, string reason, DateTimeOffset at)
    {
        Start(writer, NotSubmitted, path, hash);
        writer.WriteString("message"u8, reason);
        writer.WriteString("at"u8, at);
        writer.WriteEndObject();
    }

    /// <summary>The lower-case name of a terminal outcome kind.</summary>
    public static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => "succeeded",
        OutcomeKind.Rejected => "rejected",
        OutcomeKind.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only a terminal outcome is journaled."),
    };

    private static void Start(Utf8JsonWriter writer, ReadOnlySpan<byte> record, string path, ContentHash hash)
    {
        Span<byte> hex = stackalloc byte[ContentHash.HexLength];
        hash.WriteHex(hex);
        writer.WriteStartObject();
        writer.WriteString("record"u8, record);
        writer.WriteString("path"u8, path);
        writer.WriteString("hash"u8, hex);
    }
}
