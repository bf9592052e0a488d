using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkinLite;

/// <summary>Writes a <see cref="JobStatus"/> as its plain string and reads any string back.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobStatusJsonConverter : JsonConverter<JobStatus>
{
    /// <inheritdoc />
    public override JobStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? JobStatus.FromUtf8(ref reader)
            : throw new JsonException($"A job status must be a JSON string, not {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JobStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
