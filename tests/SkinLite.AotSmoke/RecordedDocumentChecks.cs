namespace SkinLite.AotSmoke;

/// <summary>The recorded real success and hand-made rejection, failure and pending documents, read through the public API.</summary>
internal static class RecordedDocumentChecks
{
    public static void Run(Check check, byte[] recorded)
    {
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
    }
}
