using System.Globalization;
using System.Text.Json;

namespace SkinLite;

/// <summary>Reads the submit answer into a job handle. Ids are taken as text whatever their JSON type; only <c>_id</c> is required.</summary>
internal static class SubmitAnswerReader
{
    public static SkinAnalysisJob Read(ReadOnlySpan<byte> json, SkinLiteApi api, string? appId)
    {
        json = ByteOrderMark.Skip(json);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw SkinLiteProtocolException.Shape("submit answer", "it is not a JSON object", json);
            }

            string? id = null, scanId = null, subjectId = null, createdAt = null;
            JobStatus status = JobStatus.Accepted;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("_id"u8)) { reader.Read(); id = TolerantJsonValues.ReadText(ref reader, json); continue; }
                if (reader.ValueTextEquals("scanId"u8)) { reader.Read(); scanId = TolerantJsonValues.ReadText(ref reader, json); continue; }
                if (reader.ValueTextEquals("subjectId"u8)) { reader.Read(); subjectId = TolerantJsonValues.ReadText(ref reader, json); continue; }
                if (reader.ValueTextEquals("createdAt"u8)) { reader.Read(); createdAt = TolerantJsonValues.ReadString(ref reader); continue; }
                if (reader.ValueTextEquals("status"u8))
                {
                    reader.Read();
                    status = reader.TokenType == JsonTokenType.String ? JobStatus.FromUtf8(ref reader) : status;
                    reader.Skip();
                    continue;
                }

                reader.Read();
                reader.Skip();
            }

            if (string.IsNullOrEmpty(id))
            {
                throw SkinLiteProtocolException.Shape("submit answer", "it has no prediction id (_id)", json);
            }

            if (api.UsesScanId() && string.IsNullOrEmpty(scanId))
            {
                throw SkinLiteProtocolException.Shape("submit answer", $"it has no scanId, which the {api} family needs to fetch the result", json);
            }

            return new SkinAnalysisJob
            {
                Api = api,
                AppId = appId,
                ScanId = api.UsesScanId() ? scanId : null,
                PredictionId = id,
                SubjectId = subjectId,
                Status = status,
                CreatedAt = DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at) ? at : null,
            };
        }
        catch (Exception ex) when (JsonReadFailure.Is(ex))
        {
            throw SkinLiteProtocolException.Malformed("submit answer", json, ex);
        }
    }
}
