using SkinLite.Tests.Support;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The documents the property tests mutate: the suite's own (Fixtures/ and Fixtures/Mutation/, always there) and the
/// recorded real ones (../shared/fixtures/recorded, read in place and never copied; absent on some machines).
/// </summary>
internal static class MutationSeeds
{
    /// <summary>Result documents of every kind: successes (indented, compact, status last), pending, failures, rejections.</summary>
    public static IReadOnlyList<SeedDocument> OwnResults { get; } = Own(
        "sa-predictions-success.json",
        "pending-processing.json",
        "failure.json",
        "failed.json",
        "rejected-no-face.json",
        "rejected-unknown-status-code-top-level.json",
        "Mutation/success-compact.json",
        "Mutation/success-status-code-200.json",
        "Mutation/pending-status-last.json",
        "Mutation/failure-with-analysis.json",
        "Mutation/rejected-422-beside-analysis.json",
        "Mutation/rejected-error-object.json");

    /// <summary>The successes only: mutants of these are where a wrong success would come from.</summary>
    public static IReadOnlyList<SeedDocument> OwnSuccesses { get; } = Own(
        "sa-predictions-success.json",
        "Mutation/success-compact.json",
        "Mutation/success-status-code-200.json");

    /// <summary>Submit answers, and a result document that has the same ids.</summary>
    public static IReadOnlyList<SeedDocument> OwnSubmitAnswers { get; } = Own("sa-predictions-accepted.json", "pending-processing.json");

    /// <summary>Bodies of non-2xx answers: the documented 403, an HTML gateway page, and a JSON document with an error field.</summary>
    public static IReadOnlyList<SeedDocument> OwnErrorBodies { get; } = Own("error-403-usage-limit.json", "error-502.html", "failure.json");

    /// <summary>Every recorded JSON document (two submit answers and one finished analysis); empty when ../shared is absent.</summary>
    public static IReadOnlyList<SeedDocument> Recorded { get; } = RecordedFixtures.Directory is { } folder
        ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(path => new SeedDocument("recorded/" + Path.GetFileName(path), File.ReadAllBytes(path)))]
        : [];

    private static SeedDocument[] Own(params string[] names) => [.. names.Select(name => new SeedDocument(name, OwnFixtures.Read(name)))];
}
