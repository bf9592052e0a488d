namespace SkinLite.Tests.Support;

/// <summary>Submit answers in the shape each route family sends, built around the ids a test wants to see again.</summary>
internal static class SubmitAnswers
{
    public const string ScanId = "scan-41c2";
    public const string PredictionId = "skinAnalysisInt--generate--0190aa11-2b3c-7d4e-8f90-a1b2c3d4e5f6";
    public const string SubjectId = "subject-9";
    public const string CreatedAt = "2026-03-14T09:26:53.589Z";

    /// <summary>The answer of the private and platform families: with <c>scanId</c> and <c>subjectId</c>.</summary>
    public static string SaPredictions(string status = "ACCEPTED") =>
        $$"""{"input":{"image":"https://delivery.example/inputs/0.png"},"status":"{{status}}","scanId":"{{ScanId}}","subjectId":"{{SubjectId}}","orgId":1,"retention":"30d","createdAt":"{{CreatedAt}}","_id":"{{PredictionId}}"}""";

    /// <summary>The answer of the transformation family: no scan id.</summary>
    public static string Transformation() =>
        $$"""{"input":{"image":"https://delivery.example/inputs/0.png"},"status":"ACCEPTED","urls":{"get":"https://example/predictions/{{PredictionId}}"},"orgId":1,"retention":"30d","createdAt":"{{CreatedAt}}","_id":"{{PredictionId}}"}""";

    public static string For(SkinLiteApi api) => api == SkinLiteApi.Transformation ? Transformation() : SaPredictions();
}
