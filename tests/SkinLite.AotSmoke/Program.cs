using System.Text;
using SkinLite;
using SkinLite.AotSmoke;

// Usage: SkinLite.AotSmoke <folder with transformation-success.json>
// Exits 0 when every value read through the public API is right, 1 otherwise, 2 on a usage error.
if (args.Length != 1 || !File.Exists(Path.Combine(args[0], "transformation-success.json")))
{
    Console.Error.WriteLine("usage: SkinLite.AotSmoke <folder holding transformation-success.json (../shared/fixtures/recorded)>");
    return 2;
}

var check = new Check();
byte[] recorded = File.ReadAllBytes(Path.Combine(args[0], "transformation-success.json"));

AnalysisOutcome success = AnalysisOutcome.Parse(recorded);
check.Equal(OutcomeKind.Succeeded, success.Kind, "recorded kind");
SkinAnalysis analysis = success.Result;
check.Equal(88, analysis.TotalSkinScore, "total_skin_score");
check.Equal(17, analysis.SkinAge, "skin_age");
check.Equal("Olive", analysis.SkinTone, "skin_tone");
check.Equal("#9D7A54", analysis.SkinShadeHex, "skin_shade as hex");
check.Equal("Combination", analysis.SkinType, "skin_type");
check.Equal("Oily", analysis.Zones.TZone?.Type, "t_zone type");
check.Equal(9, analysis.Concerns.Count, "concern count");
check.Equal(50, analysis.Concerns.Find(ConcernTechNames.Scars)?.Value, "scars value");
check.Equal("Average", analysis.Concerns.Find(ConcernTechNames.Hydration)?.Severity, "hydration severity");
check.True(analysis.Concerns.Find(ConcernTechNames.DarkCircles)?.ImageUrl?.EndsWith("/dark circle.jpg", StringComparison.Ordinal) == true, "URL with a space kept");
check.Equal(3, analysis.Concerns[0].ScoreRange.Count, "score_range length");
check.Equal(9, analysis.OutputJson.GetProperty("skinData").GetProperty("concerns").GetArrayLength(), "raw output reachable");
check.Equal(0, analysis.Concerns[0].Json.GetProperty("sub_areas").GetArrayLength(), "raw concern reachable");

const string rejection = """{"status":"SUCCESS","output":{"error":"No face detected","status_code":422},"_id":"p1"}""";
AnalysisOutcome rejected = AnalysisOutcome.Parse(rejection);
check.Equal(OutcomeKind.Rejected, rejected.Kind, "rejection kind");
check.Equal(RejectionReason.NoFaceDetected, rejected.RejectionReason, "rejection reason");
check.Equal(422, rejected.StatusCode, "rejection status_code");
check.True(!rejected.TryGetResult(out _), "rejection has no result");

AnalysisOutcome failed = AnalysisOutcome.Parse("""{"status":"FAILED","error":"Backend failed"}""");
check.Equal(OutcomeKind.Failed, failed.Kind, "failed kind");
check.Equal("Backend failed", failed.Message, "failure message");

AnalysisOutcome pending = AnalysisOutcome.Parse("""{"status":"PROCESSING"}""");
check.Equal(JobStatus.Processing, pending.Status, "pending status");

// The whole client path natively: multipart submit, job handle, source-generated handle JSON, result fetch.
const string submitted = """{"_id":"pred-1","status":"ACCEPTED","scanId":"scan 1","subjectId":"subj-1","createdAt":"2025-12-09T13:07:20.526Z"}""";
var handler = new CannedHandler(submitted, Encoding.UTF8.GetString(recorded));
using var http = new HttpClient(handler);
var client = new SkinLiteClient(http, new SkinLiteClientOptions { AppId = "app-1", Credential = "smoke-key", BaseAddress = new Uri("http://127.0.0.1:9/emu") });
byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
SkinAnalysisJob job = await client.SubmitAsync(png, "face.png");
SkinAnalysisJob resumed = SkinAnalysisJob.FromJson(job.ToJson());
check.Equal(job, resumed, "job handle JSON round trip");
check.Equal("scan 1", resumed.ScanId, "scanId");
AnalysisOutcome fetched = await client.GetOutcomeAsync(resumed);
check.Equal(88, fetched.Result.TotalSkinScore, "fetched total score");
check.True(handler.Seen[1].Contains("/scans/scan%201/pred-1", StringComparison.Ordinal), "escaped result path");
check.True(handler.Seen[0].Contains("Bearer c21va2Uta2V5", StringComparison.Ordinal), "base64 bearer");

foreach (string failure in check.Failures)
{
    Console.Error.WriteLine($"FAIL {failure}");
}

Console.WriteLine($"aot-smoke: {check.Count - check.Failures.Count} of {check.Count} checks passed");
return check.Failures.Count == 0 ? 0 : 1;
