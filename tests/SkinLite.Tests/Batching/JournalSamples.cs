using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace SkinLite.Tests.Batching;

/// <summary>Images, hashes, job handles and a fixed clock for the journal tests.</summary>
internal static class JournalSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static ContentHash HashOf(string content) => ContentHash.Of(Encoding.UTF8.GetBytes(content));

    public static SkinAnalysisJob Job(int n) => new()
    {
        Api = SkinLiteApi.Private,
        AppId = "app-1",
        ScanId = $"scan-{n}",
        PredictionId = $"prediction-{n}",
        SubjectId = $"subject-{n}",
        Status = JobStatus.Accepted,
        CreatedAt = Now,
    };

    /// <summary>A journal opened without forcing each line to the disk (the tests' files are thrown away).</summary>
    public static Journal Open(string path) => Journal.Open(path, Clock(), flushToDisk: false);
}
