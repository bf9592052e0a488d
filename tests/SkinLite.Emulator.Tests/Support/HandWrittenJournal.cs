using System.Text;
using System.Text.Json;

namespace SkinLite.Emulator.Tests.Support;

/// <summary>
/// A batch journal written line by line in the documented format (docs/batch.md), to start a batch from a state a crash
/// would leave: a submit begun and never answered, or answered and never finished.
/// </summary>
internal sealed class HandWrittenJournal
{
    private const string At = "2026-11-30T08:00:00+00:00";
    private readonly StringBuilder _lines = new();

    public HandWrittenJournal() => _lines.Append("{\"journal\":\"skinlite-batch\",\"version\":1,\"created\":\"").Append(At).Append("\"}\n");

    /// <summary>The crash came after the submitting record was on the disk.</summary>
    public HandWrittenJournal Submitting(string path, byte[] image) => Record("submitting", path, image, null);

    /// <summary>The crash came after the submitted record was on the disk.</summary>
    public HandWrittenJournal Submitted(string path, byte[] image, SkinAnalysisJob job) => Record("submitted", path, image, job);

    public void WriteTo(string journalPath) => File.WriteAllText(journalPath, _lines.ToString());

    private HandWrittenJournal Record(string record, string path, byte[] image, SkinAnalysisJob? job)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("record", record);
            writer.WriteString("path", path);
            writer.WriteString("hash", EmulatorStats.ImageKey(image));
            if (job is not null)
            {
                writer.WritePropertyName("job");
                writer.WriteRawValue(job.ToJson());
            }

            writer.WriteString("at", At);
            writer.WriteEndObject();
        }

        _lines.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        return this;
    }
}
