using System.Text;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>The whole client path natively: multipart submit, job handle, source-generated handle JSON, result fetch.</summary>
internal static class ClientPathChecks
{
    public static async Task RunAsync(Check check, byte[] recorded)
    {
        const string submitted = """{"_id":"pred-1","status":"ACCEPTED","scanId":"scan 1","subjectId":"subj-1","createdAt":"2025-12-09T13:07:20.526Z"}""";
        var handler = new ScriptedHandler()
            .OnSubmit(Answers.JsonReply(submitted))
            .OnPoll(Answers.JsonReply(Encoding.UTF8.GetString(recorded)));
        using var http = new HttpClient(handler);
        var client = new SkinLiteClient(http, new SkinLiteClientOptions { AppId = "app-1", Credential = "smoke-key", BaseAddress = new Uri("http://127.0.0.1:9/emu") });
        SkinAnalysisJob job = await client.SubmitAsync(TestPng.Create(1024, 1024), "face.png");
        SkinAnalysisJob resumed = SkinAnalysisJob.FromJson(job.ToJson());
        check.Equal(job, resumed, "job handle JSON round trip");
        check.Equal("scan 1", resumed.ScanId, "scanId");
        AnalysisOutcome fetched = await client.GetOutcomeAsync(resumed);
        check.Equal(88, fetched.Result.TotalSkinScore, "fetched total score");
        check.True(handler.Seen[1].Uri.AbsoluteUri.Contains("/scans/scan%201/pred-1", StringComparison.Ordinal), "escaped result path");
        check.Equal("Bearer c21va2Uta2V5", handler.Seen[0].Authorization, "base64 bearer");
    }
}
