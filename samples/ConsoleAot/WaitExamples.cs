using SkinLite;

/// <summary>
/// The README's "Wait for the result" lines, compiled with the sample so that they cannot rot (eng/ci-samples.sh
/// checks the README against the region below). Not called by the sample.
/// </summary>
internal static class WaitExamples
{
    public static async Task ShowAsync(SkinLiteClient client, SkinAnalysisJob job, string saved)
    {
// <snippet>
        AnalysisOutcome done = await client.AnalyzeAsync("face.jpg");          // submit + wait to the end
        AnalysisOutcome again = await client.WaitAsync(SkinAnalysisJob.FromJson(saved)); // resume in another process

        await foreach (AnalysisOutcome update in client.WatchAsync(job))      // each distinct status once, then the end
            Console.Error.WriteLine(update.Status);
// </snippet>
        Console.WriteLine($"{done.Kind} {again.Kind}");
    }
}
