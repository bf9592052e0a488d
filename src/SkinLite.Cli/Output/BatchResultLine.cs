using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkinLite.Cli.Output;

/// <summary>
/// One line of results.jsonl: <c>path</c>, then exactly the object <c>analyze --json</c> prints (<see cref="OutcomeReport"/>),
/// then what only a batch knows (<c>contentHash</c>, <c>credits</c>, <c>stopReason</c>, <c>note</c>, <c>document</c>).
/// <c>outcome</c> takes analyze's values for a finished image and the batch's own for the rest: <c>refused</c>,
/// <c>unfinished</c>, <c>uncertain</c> (<c>jobMayExist</c> true) and <c>notSubmitted</c>. (<c>status</c> stays what it
/// is in analyze: the service's job status.)
/// </summary>
internal static class BatchResultLine
{
    public const string Refused = "refused";
    public const string Unfinished = "unfinished";
    public const string Uncertain = "uncertain";
    public const string NotSubmitted = "notSubmitted";

    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The batch's word for a status: analyze's for a finished image, the batch's own for the rest.</summary>
    public static string OutcomeOf(BatchItemStatus status) => status switch
    {
        BatchItemStatus.Succeeded => OutcomeReport.Succeeded,
        BatchItemStatus.Rejected => OutcomeReport.Rejected,
        BatchItemStatus.Failed => OutcomeReport.Failed,
        BatchItemStatus.Refused => Refused,
        BatchItemStatus.Unfinished => Unfinished,
        BatchItemStatus.Uncertain => Uncertain,
        _ => NotSubmitted,
    };

    /// <summary>The line of a result this run yielded; <paramref name="document"/> is where its document was saved, if it was.</summary>
    public static byte[] For(BatchItemResult result, string? document, string? appId, bool emulated)
    {
        OutcomeReport report = result.Outcome.IsTerminal && !result.FromJournal
            ? OutcomeReport.From(result.Outcome, JobIds.From(result.Job!), emulated)
            : ReportOf(result.Status, result.Job, result.Reason, result.Message, appId, emulated);
        return Write(result.Path, report, new Extras(result.ContentHash, result.ConsumedCredits, result.StopReason, result.Note, document));
    }

    /// <summary>
    /// The line of an image as the journal holds it (a resume rebuilding the results files), with the full result read
    /// back from its saved document when it finished.
    /// </summary>
    public static byte[] ForJournaled(JournalImage image, BatchOutputFolder folder, string? appId, bool emulated)
    {
        BatchItemStatus status = image.State switch
        {
            JournalEntryState.Finished => image.Outcome?.Kind switch
            {
                OutcomeKind.Succeeded => BatchItemStatus.Succeeded,
                OutcomeKind.Rejected => BatchItemStatus.Rejected,
                _ => BatchItemStatus.Failed,
            },
            JournalEntryState.Refused => BatchItemStatus.Refused,
            JournalEntryState.Submitted => BatchItemStatus.Unfinished,
            JournalEntryState.NotSubmitted => BatchItemStatus.NotSubmitted,
            _ => BatchItemStatus.Uncertain,
        };
        string? document = null;
        OutcomeReport? report = null;
        if (image.State == JournalEntryState.Finished && ReadDocument(folder.DocumentPathFor(image.Path)) is { } outcome && image.Job is { } job)
        {
            report = OutcomeReport.From(outcome, JobIds.From(job), emulated);
            document = BatchOutputFolder.DocumentEntryFor(image.Path);
        }

        string? message = image.State switch
        {
            JournalEntryState.Finished => image.Outcome?.Message,
            JournalEntryState.Submitted => "An earlier run submitted this image and did not see it finish; a resume waits for the job (no new submit).",
            JournalEntryState.Uncertain => "An earlier run started to submit this image and never heard the answer: it may have been analysed and paid for. It is not submitted again unless asked (--resubmit-uncertain).",
            _ => image.Note,
        };
        RejectionReason reason = image.State == JournalEntryState.Finished ? image.Outcome?.Reason ?? RejectionReason.None : image.RefusedReason;
        report ??= ReportOf(status, image.Job, reason, message, appId, emulated);
        return Write(image.Path, report, new Extras(image.Hash.ToString(), image.Outcome?.ConsumedCredits, BatchStopReason.None, null, document));
    }

    private static OutcomeReport ReportOf(BatchItemStatus status, SkinAnalysisJob? job, RejectionReason reason, string? message, string? appId, bool emulated) => new()
    {
        Outcome = OutcomeOf(status),
        AppId = job?.AppId ?? (status == BatchItemStatus.Uncertain ? appId : null),
        ScanId = job?.ScanId,
        PredictionId = job?.PredictionId,
        Reason = reason is RejectionReason.None ? null : OutcomeReport.CamelCase(reason.ToString()),
        Message = message,
        Emulated = emulated,
        JobMayExist = status == BatchItemStatus.Uncertain,
    };

    /// <summary>A saved document read back; <see langword="null"/> when it is missing or not a terminal prediction document.</summary>
    private static AnalysisOutcome? ReadDocument(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > SavedDocument.MaxBytes)
            {
                return null;
            }

            AnalysisOutcome outcome = AnalysisOutcome.Parse(File.ReadAllBytes(path));
            return outcome.IsTerminal ? outcome : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SkinLiteProtocolException)
        {
            return null;
        }
    }

    private static byte[] Write(string path, OutcomeReport report, Extras extras)
    {
        JsonElement analyze = JsonSerializer.SerializeToElement(report, Context.OutcomeReport);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("path", path);
            foreach (JsonProperty property in analyze.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteString("contentHash", extras.ContentHash);
            if (extras.Credits is { } credits)
            {
                writer.WriteNumber("credits", credits);
            }
            else
            {
                writer.WriteNull("credits");
            }

            writer.WriteString("stopReason", extras.StopReason is BatchStopReason.None ? null : OutcomeReport.CamelCase(extras.StopReason.ToString()));
            writer.WriteString("note", extras.Note);
            writer.WriteString("document", extras.Document);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The path of a line (its first member), for compacting the file.</summary>
    public static string? PathOf(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.ValueTextEquals("path"u8) && reader.Read()
            ? reader.GetString()
            : null;
    }

    private readonly record struct Extras(string? ContentHash, int? Credits, BatchStopReason StopReason, string? Note, string? Document);
}
