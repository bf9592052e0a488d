using SkinLite;
using SkinLite.Imaging;

/// <summary>
/// The README's "Analyse a folder" lines, compiled with the sample so that they cannot rot (eng/ci-samples.sh checks
/// the README against the region below). Not called by the sample.
/// </summary>
internal static class BatchExamples
{
    public static async Task ShowAsync(SkinLiteClient client, CancellationToken cancellationToken)
    {
// <snippet>
        var options = new BatchOptions
        {
            JournalPath = "out/journal.jsonl",   // crash-safe: run again to resume, nothing is paid for twice
            MaxAnalyses = 500,                   // a budget; MaxCredits counts the documents' consumedCredits
        }.UseImageFitting();                     // phone photos fitted as above

        IEnumerable<string> photos = Directory.EnumerateFiles("photos", "*.jpg");   // read lazily
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(photos, options, cancellationToken))
        {
            // Save what you need here: the outcome is journaled when you ask for the next one.
            Console.WriteLine(item switch
            {
                { FromJournal: true } => $"{item.Path}: {item.Status} in an earlier run",
                { Status: BatchItemStatus.Succeeded } => $"{item.Path}: score {item.Outcome.Result.TotalSkinScore}",
                { Status: BatchItemStatus.Uncertain } => $"{item.Path}: may have been paid for; not sent again",
                _ => $"{item.Path}: {item.Status} {item.Reason} {item.Message}",
            });
        }
// </snippet>
    }
}
