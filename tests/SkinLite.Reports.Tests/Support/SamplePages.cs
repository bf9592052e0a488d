using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests.Support;

/// <summary>Every kind of page the library writes, rendered once per test run, for the checks every page must pass.</summary>
internal static class SamplePages
{
    public const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>javascript:alert(1)";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Pages = new(Render);

    public static IReadOnlyDictionary<string, string> All => Pages.Value;

    public static TheoryData<string> Names => [.. All.Keys.Order(StringComparer.Ordinal)];

    public static bool IsIndex(string name) => name.StartsWith("index", StringComparison.Ordinal);

    private static Dictionary<string, string> Render()
    {
        using var temp = new TempFolder();
        var pages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["report-emulated-saved"] = AnalysisReport.Render(SavedAnalysis.Load(ReportSamples.EmulatorLike(temp.Path))),
            ["report-hostile-saved"] = AnalysisReport.Render(SavedAnalysis.Load(ReportSamples.Hostile(temp.Path))),
            ["report-hostile-bare"] = AnalysisReport.Render(SampleDocuments.Hostile(Hostile)),
            ["report-rejected"] = AnalysisReport.Render(SampleDocuments.Rejected(Hostile)),
            ["report-failed"] = AnalysisReport.Render(SampleDocuments.Failed(Hostile)),
            ["report-success-bare"] = AnalysisReport.Render(SampleDocuments.Success(), new ReportOptions { Title = Hostile }),
            ["index"] = BatchIndexReport.Render(
            [
                new() { Name = "a.jpg", Outcome = AnalysisOutcome.Parse(SampleDocuments.Success()), ReportHref = "a/report.html", ThumbnailHref = "a/images/input.png" },
                new() { Name = Hostile, Outcome = AnalysisOutcome.Parse(SampleDocuments.Hostile(Hostile)), ReportHref = Hostile, ThumbnailHref = "https://evil.example/x.png" },
                new() { Name = "c.jpg", Outcome = AnalysisOutcome.Parse(SampleDocuments.Rejected(Hostile)), ReportHref = "javascript:alert(1)", ThumbnailHref = "//evil.example/x.png" },
                new() { Name = "d.jpg", Status = Hostile },
            ], new ReportOptions { Title = Hostile }),
        };
        if (RecordedFixtures.Directory is not null)
        {
            pages["report-recorded-bare"] = AnalysisReport.Render(RecordedFixtures.Read("transformation-success.json"));
        }

        return pages;
    }
}
