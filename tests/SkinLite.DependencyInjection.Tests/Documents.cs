namespace SkinLite.DependencyInjection.Tests;

/// <summary>Minimal service answers, shaped like the recorded ones.</summary>
internal static class Documents
{
    public const string Accepted = """
        {"_id":"pred-1","status":"ACCEPTED","scanId":"scan-1","subjectId":"subject-1","createdAt":"2026-11-28T10:00:00.000Z"}
        """;

    public const string Pending = """{"_id":"pred-1","status":"PROCESSING"}""";

    public const string Failure = """{"_id":"pred-1","status":"FAILURE","error":"model crashed"}""";
}
