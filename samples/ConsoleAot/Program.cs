// Analyses an image (the first argument, or face.png next to the executable) and prints the score. With
// SKINLITE_ACCESS_KEY (and SKINLITE_APP_ID) set it calls the real service; without, the in-process emulator, offline.
// The region between the snippet markers is the README's "Use the library" example (eng/ci-samples.sh checks they match).
// <snippet>
using SkinLite;
using SkinLite.Emulator;

string image = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "face.png");
string? key = Environment.GetEnvironmentVariable("SKINLITE_ACCESS_KEY");

// No key: the in-process emulator answers (synthetic results marked emulated; nothing leaves the machine).
using SkinAnalysisEmulator? emulator = key is null ? new SkinAnalysisEmulator() : null;
using HttpClient http = emulator is null ? new HttpClient() : new HttpClient(emulator.CreateHandler());
var client = new SkinLiteClient(http, new SkinLiteClientOptions
{
    Api = SkinLiteApi.Private,                       // or Platform, Transformation
    AppId = emulator is null ? Environment.GetEnvironmentVariable("SKINLITE_APP_ID") : SkinAnalysisEmulator.DefaultAppId,
    Credential = key ?? SkinAnalysisEmulator.DefaultCredential, // sent as Bearer base64(key)
    BaseAddress = emulator is null ? null : SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private), // null: the real service
});

try
{
    SkinAnalysisJob job = await client.SubmitAsync(image);  // checks the image locally, then a streamed multipart upload
    string saved = job.ToJson();                             // resume later, even elsewhere: SkinAnalysisJob.FromJson(saved)
    Console.Error.WriteLine($"submitted {job.PredictionId}");

    AnalysisOutcome outcome = await client.WaitAsync(job);   // polls when this client's jobs usually end (backoff until it has learned), rides through transient faults
    Console.WriteLine(outcome switch
    {
        { IsSucceeded: true } => $"score {outcome.Result.TotalSkinScore}, skin type {outcome.Result.SkinType}, acne {outcome.Result.Concerns.Find(ConcernTechNames.Acne)?.Value}{(outcome.Result.IsEmulated ? " (emulated)" : "")}",
        { IsRejected: true } => $"image rejected: {outcome.RejectionReason} ({outcome.Message})",
        { IsFailed: true } => $"job failed: {outcome.Message}",
        _ => $"still {outcome.Status}",
    });
    return outcome.IsSucceeded ? 0 : 1;
}
catch (SkinLiteException error) // preflight, API, transport and protocol errors; the credential is never in a message
{
    Console.Error.WriteLine(error.Message);  // after a submit that may have created a job (error.JobMayExist), it says so
    return 2;
}
// </snippet>
