using SkinLite.Emulator;
using SkinLite.Imaging;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>
/// A batch natively: AnalyzeManyAsync with a journal and image fitting over the in-process emulator (charging 5 credits a
/// job), the documents kept, a credit budget that stops submitting, and a second run that resumes from the journal
/// without a single new submit.
/// </summary>
internal static class BatchChecks
{
    public static async Task RunAsync(Check check)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(100), CreditsPerAnalysis = 5 });
        var client = new SkinLiteClient(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
        });
        using var folder = new TempFolder("skinlite-aot-batch-");
        string[] paths = [.. Enumerable.Range(0, 6).Select(i => folder.Write($"face-{i}.png", TestPng.Create(1024, 1024, (byte)(0x30 + i), trailer: $"batch {i}")))];
        var options = new BatchOptions
        {
            JournalPath = Path.Combine(folder.Path, "journal.jsonl"),
            KeepDocuments = true,
            MaxCredits = 20,
            Polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(50), Interval = TimeSpan.FromMilliseconds(50), MinDelay = TimeSpan.FromMilliseconds(1) },
        }.UseImageFitting();

        var first = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            first.Add(item);
        }

        check.Equal(4, first.Count(r => r.Status == BatchItemStatus.Succeeded && !r.Document.IsEmpty && r.ConsumedCredits == 5), "a credit budget of 20 at 5 a job: four analyses, each with its document");
        check.Equal(2, first.Count(r => r.StopReason == BatchStopReason.Budget), "the rest not submitted, for the budget");

        options.MaxCredits = null;
        var second = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            second.Add(item);
        }

        check.Equal(4, second.Count(r => r.FromJournal && r.Status == BatchItemStatus.Succeeded), "a resume skips the four finished images");
        check.Equal(6, emulator.Stats.AcceptedSubmits, "and submits only the two left: six submits in all");
    }
}
