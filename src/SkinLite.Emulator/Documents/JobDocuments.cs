using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SkinLite.Emulator;

/// <summary>
/// Writes the submit answer and the result document of a job, field for field as the recorded real documents
/// (<c>input, status, urls, orgId, retention, createdAt, _id</c>, plus <c>scanId</c> and <c>subjectId</c> on the
/// <c>sa-predictions</c> families), with every URL pointing back at the emulator.
/// </summary>
internal static class JobDocuments
{
    /// <summary>The documented failure text of the real service, for a job that fails.</summary>
    public const string FailureError = "Backend for skinAnalysisInt/generate failed with: Request failed with status code 500";

    private const int RejectionStatusCode = 422;

    public static byte[] SubmitAnswer(EmulatedJob job, string origin) => Write(job, "ACCEPTED", origin, output: false);

    public static byte[] Result(EmulatedJob job, DateTimeOffset now, string origin, int credits) => Write(job, job.Status(now), origin, output: true, credits);

    /// <summary>The address the result is fetched from, as <c>urls.get</c> names it.</summary>
    public static string ResultUrl(EmulatedJob job, string origin)
    {
        string root = origin + job.Api.BasePath();
        return job.Api.UsesScanId()
            ? $"{root}/sa-predictions/apps/{Uri.EscapeDataString(job.AppId ?? string.Empty)}/plugins/{SkinLiteApiExtensions.PluginName}/scans/{Uri.EscapeDataString(job.ScanId)}/{Uri.EscapeDataString(job.PredictionId)}"
            : $"{root}/predictions/{Uri.EscapeDataString(job.PredictionId)}";
    }

    private static byte[] Write(EmulatedJob job, string status, string origin, bool output, int credits = 0)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("input");
            writer.WriteString("image", $"{origin}/emulator/inputs/{Uri.EscapeDataString(job.PredictionId)}/image/{AssetImages.InputName}");
            writer.WriteEndObject();
            writer.WriteString("status", status);
            writer.WriteStartObject("urls");
            writer.WriteString("get", ResultUrl(job, origin));
            writer.WriteEndObject();
            writer.WriteNumber("orgId", 0);
            writer.WriteString("retention", "30d");
            writer.WriteString("createdAt", job.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("_id", job.PredictionId);
            if (job.Api.UsesScanId())
            {
                writer.WriteString("scanId", job.ScanId);
                writer.WriteString("subjectId", job.SubjectId);
            }

            if (output && status is "SUCCESS" or "FAILURE")
            {
                WriteEnding(writer, job, origin, credits);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEnding(Utf8JsonWriter writer, EmulatedJob job, string origin, int credits)
    {
        // Emulated analyses are free unless EmulatorOptions.CreditsPerAnalysis says otherwise (to exercise a credit budget).
        writer.WriteNumber("consumedCredits", credits);
        switch (job.Verdict.Outcome)
        {
            case OutcomeKind.Failed:
                writer.WriteString("error", FailureError);
                writer.WriteNull("output");
                writer.WriteBoolean("emulated", true);
                break;
            case OutcomeKind.Rejected:
                writer.WriteStartObject("output");
                writer.WriteString("error", job.Verdict.RejectionMessage);
                writer.WriteNumber("status_code", RejectionStatusCode);
                writer.WriteBoolean("emulated", true);
                writer.WriteEndObject();
                break;
            default:
                writer.WritePropertyName("output");
                SyntheticAnalysis.WriteOutput(writer, job.Verdict.AnalysisSeed, $"{origin}/emulator/outputs/{Uri.EscapeDataString(job.PredictionId)}/");
                break;
        }
    }
}
