using SkinLite.Emulator;
using SkinLite.Reports;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>
/// Results out, natively: an emulated analysis saved with every image it references (the manifest's source-generated
/// JSON written and read back), a second save that reuses every file, the single report rendered with its images
/// embedded, and a batch index.
/// </summary>
internal static class ReportChecks
{
    public static async Task RunAsync(Check check)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100) });
        var client = new SkinLiteClient(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            Polling = { InitialDelay = TimeSpan.FromMilliseconds(50), Interval = TimeSpan.FromMilliseconds(50), MinDelay = TimeSpan.FromMilliseconds(1) },
        });
        using var folder = new TempFolder("skinlite-aot-report-");
        AnalysisOutcome outcome = await client.AnalyzeAsync(TestPng.Create(1024, 1024, 0x44, trailer: "report"), "face.png");
        check.True(outcome.IsSucceeded, "the emulated analysis to save succeeded");

        using var downloader = new AssetDownloader(new HttpClient(emulator.CreateHandler()));
        string saveTo = Path.Combine(folder.Path, "saved");
        SavedAnalysis saved = await downloader.SaveAsync(outcome, saveTo);
        check.True(saved.IsComplete && saved.Assets.Count >= 12, $"every image of the result saved ({saved.Assets.Count(a => a.Status == SavedAssetStatus.Saved)} of {saved.Assets.Count})");

        SavedAnalysis loaded = SavedAnalysis.Load(saveTo);
        check.Equal(saved.Assets.Count, loaded.Assets.Count, "the manifest read back lists every image");
        check.True(loaded.IsEmulated, "the saved analysis is marked emulated");

        DateTime firstWrite = File.GetLastWriteTimeUtc(loaded.PathOf(loaded.Assets[0]));
        SavedAnalysis again = await downloader.SaveAsync(outcome, saveTo);
        check.True(again.IsComplete && File.GetLastWriteTimeUtc(again.PathOf(again.Assets[0])) == firstWrite, "a second save reuses the files it verified");

        string html = AnalysisReport.Render(loaded);
        check.True(html.Contains("Content-Security-Policy", StringComparison.Ordinal), "the report carries its Content-Security-Policy");
        check.True(Count(html, "data:image/png;base64,") >= 10, "the report embeds the saved images");
        check.True(!html.Contains("src=\"http", StringComparison.OrdinalIgnoreCase), "the report loads nothing from the network");

        string index = Path.Combine(folder.Path, "index.html");
        BatchIndexReport.Write([new BatchReportEntry { Name = "face.png", Outcome = outcome, ReportHref = "saved/report.html" }], index);
        check.True(File.ReadAllText(index).Contains("saved/report.html", StringComparison.Ordinal), "the batch index links the image's report");
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
