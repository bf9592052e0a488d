using SkinLite.Emulator;
using SkinLite.Reports.Tests.Support;
using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// The pages the browser tests open, made the way skinlite makes them: analyses run on the in-process emulator and
/// saved by <see cref="AssetDownloader"/> (every image it serves), their reports, a batch index over them with a
/// rejected and an unsubmitted image, and a hostile saved folder whose every string is markup meant to run.
/// </summary>
public sealed class BrowserReports : IAsyncLifetime
{
    private readonly TempFolder _root = new("skinlite-browser-");

    /// <summary>The emulated analysis's report.html.</summary>
    public string Report { get; private set; } = "";

    /// <summary>How many concerns the emulated analysis has.</summary>
    public int Concerns { get; private set; }

    /// <summary>The concerns' names, as the service's document gives them.</summary>
    public IReadOnlyList<string> ConcernNames { get; private set; } = [];

    /// <summary>The hostile folder's report.html.</summary>
    public string HostileReport { get; private set; } = "";

    /// <summary>The batch's index.html.</summary>
    public string Index { get; private set; } = "";

    /// <summary>The index's rows: four analysed (one rejected), one hostile, one not submitted.</summary>
    public int IndexRows { get; private set; }

    /// <summary>The index's rows that have a thumbnail.</summary>
    public int Thumbnails { get; private set; }

    public async Task InitializeAsync()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(50) });
        var client = new SkinLiteClient(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            Polling = { InitialDelay = TimeSpan.FromMilliseconds(20), Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(1) },
        });
        using var downloader = new AssetDownloader(new HttpClient(emulator.CreateHandler()));
        string batch = Path.Combine(_root.Path, "batch");
        var entries = new List<BatchReportEntry>();
        for (int i = 0; i < 4; i++)
        {
            string trailer = i == 3 ? SkinAnalysisEmulator.NoFaceMarker : $"browser {i}";
            AnalysisOutcome outcome = await client.AnalyzeAsync(TestPng.Create(1024, 1024, (byte)(0x50 + i), trailer: trailer), $"face-{i}.png");
            string folder = Path.Combine(batch, $"face-{i}");
            SavedAnalysis saved = await downloader.SaveAsync(outcome, folder);
            Assert.True(saved.IsComplete, string.Join('\n', saved.Assets));
            string report = Path.Combine(folder, "report.html");
            AnalysisReport.Write(saved, report);
            SavedAsset? input = saved.Find("output.skinData.inputImage");
            entries.Add(new BatchReportEntry
            {
                Name = $"photos/face-{i}.png",
                Outcome = outcome,
                ReportHref = $"face-{i}/report.html",
                ThumbnailHref = input is null ? null : $"face-{i}/{input.FileName}",
            });
            if (i == 0)
            {
                Report = report;
                Concerns = outcome.Result.Concerns.Count;
                ConcernNames = [.. outcome.Result.Concerns.Select(concern => concern.Name!)];
            }
        }

        string hostile = ReportSamples.Hostile(batch);
        HostileReport = Path.Combine(hostile, "report.html");
        AnalysisReport.Write(SavedAnalysis.Load(hostile), HostileReport);
        entries.Add(new BatchReportEntry
        {
            Name = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>",
            Outcome = AnalysisOutcome.Parse(SavedAnalysis.Load(hostile).ReadDocument()),
            ReportHref = "hostile/report.html",
            ThumbnailHref = "hostile/images/input.png",
        });
        entries.Add(new BatchReportEntry { Name = "photos/unsent.png", Status = "not submitted" });

        Index = Path.Combine(batch, "index.html");
        BatchIndexReport.Write(entries, Index);
        IndexRows = entries.Count;
        Thumbnails = entries.Count(entry => entry.ThumbnailHref is not null);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
