using SkinLite.Emulator;
using SkinLite.Emulator.Server;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>The emulator's Kestrel server natively, on a free loopback port, driven through SkinLiteClient over real HTTP.</summary>
internal static class LoopbackServerChecks
{
    public static async Task RunAsync(Check check)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200), Faults = FaultPlan.Parse("ok,ok,503") });
        await using EmulatorServer server = await EmulatorServer.StartAsync(emulator);
        using var http = new HttpClient();
        var client = new SkinLiteClient(http, new SkinLiteClientOptions
        {
            BaseAddress = server.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
        });

        byte[] face = TestPng.Create(1024, 1024);
        check.True(ImagePreflight.Check(face).IsValid, "preflight passes a 1024x1024 PNG");
        SkinAnalysisJob job = await client.SubmitAsync(face);
        check.Equal(JobStatus.Accepted, job.Status, "submit status");
        check.True(job.ScanId is not null, "scan id");
        check.Equal(JobStatus.Accepted, (await client.GetOutcomeAsync(job)).Status, "first poll");
        try
        {
            await client.GetOutcomeAsync(job);
            check.True(false, "scripted 503 fault");
        }
        catch (SkinLiteServerException error)
        {
            check.Equal(503, (int)error.StatusCode, "scripted 503 fault");
        }

        await Task.Delay(300);
        AnalysisOutcome outcome = await client.GetOutcomeAsync(job);
        check.Equal(OutcomeKind.Succeeded, outcome.Kind, "outcome");
        if (outcome.TryGetResult(out SkinAnalysis? analysis))
        {
            check.True(analysis.IsEmulated, "emulated flag");
            check.Equal(9, analysis.Concerns.Count, "concerns");
            check.True(analysis.Summary?.StartsWith("EMULATED RESULT", StringComparison.Ordinal) == true, "synthetic summary");
            check.True(analysis.TotalSkinScore is >= 0 and <= 100, "score range");
            check.True(analysis.InputImageUrl?.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) == true, "URLs point back at the emulator");
        }

        SkinAnalysisJob noFace = await client.SubmitAsync(TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker));
        await Task.Delay(300);
        AnalysisOutcome rejected = await client.GetOutcomeAsync(noFace);
        check.Equal(RejectionReason.NoFaceDetected, rejected.RejectionReason, "no-face rejection");
        check.Equal(RejectionMessages.NoFaceDetected, rejected.Message, "no-face message");

        try
        {
            await client.SubmitAsync(TestPng.Create(640, 480));
            check.True(false, "preflight refuses a small image");
        }
        catch (SkinLitePreflightException error)
        {
            check.Equal(RejectionReason.ResolutionTooSmall, error.Reason, "preflight reason");
        }

        using var wrongKeyHttp = new HttpClient();
        var wrongKey = new SkinLiteClient(wrongKeyHttp, new SkinLiteClientOptions { BaseAddress = server.BaseAddressFor(SkinLiteApi.Transformation), Api = SkinLiteApi.Transformation, Credential = "wrong-key" });
        try
        {
            await wrongKey.SubmitAsync(face);
            check.True(false, "401 on a wrong key");
        }
        catch (SkinLiteAuthenticationException error)
        {
            check.Equal(401, (int)error.StatusCode, "401 on a wrong key");
        }

        check.Equal("503=0.1,429=0.05", FaultPlan.Parse("503=0.1, 429=0.05").ToString(), "fault plan round trip");
    }
}
