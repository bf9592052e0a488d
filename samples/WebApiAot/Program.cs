// POST /analyze with a photo's bytes as the body (JPEG, PNG or WebP, straight from a phone) fits it to the service's
// rules, analyses it and answers JSON. appsettings.json points
// the client at `skinlite emulator` on 127.0.0.1:5080 with the emulator's public key; for the real service set
// SkinLite__Credential, SkinLite__AppId and SkinLite__BaseAddress (https://api.pixelbin.io) in the environment.
// The region between the snippet markers is the README's dependency-injection example (eng/ci-samples.sh checks it).
// <snippet>
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Http.Resilience;
using SkinLite;
using SkinLite.Imaging;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);

// Binds and validates the "SkinLite" section when the host starts (a missing AppId or Credential names the setting).
builder.Services.AddSkinLiteClient(builder.Configuration.GetSection("SkinLite"))   // or: o => { o.AppId = ...; }
    .AddImageFitting()                                  // one shared ImageFitter: upright, ≤ 2048 px, no location or device data
    .AddStandardResilienceHandler(o =>
    {
        o.Retry.DisableForUnsafeHttpMethods();          // never retry the submit POST: it is a paid analysis
        o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);   // room for a 5 MB upload
        o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(5);
    });
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default));

WebApplication app = builder.Build();

const long MaxUpload = 64 * 1024 * 1024;   // a 48 MP phone JPEG is ~20 MB
app.MapPost("/analyze", async (HttpRequest request, SkinLiteClient client, ImageFitter fitter, CancellationToken cancellationToken) =>
{
    if (request.ContentLength is null or > MaxUpload)
    {
        return Results.Json(new Analysis("rejected", Message: "Send the photo as the body, at most 64 MiB."), AppJson.Default.Analysis, statusCode: 400);
    }

    var upload = new MemoryStream();
    await request.Body.CopyToAsync(upload, cancellationToken);
    try
    {
        using FittedImage image = fitter.Fit(upload.GetBuffer().AsMemory(0, (int)upload.Length), "upload.jpg");
        AnalysisOutcome outcome = await client.AnalyzeAsync(image, cancellationToken);
        return outcome.TryGetResult(out SkinAnalysis? result)
            ? Results.Json(new Analysis("succeeded", result.TotalSkinScore, result.SkinType, result.SkinAge, result.IsEmulated), AppJson.Default.Analysis)
            : Results.Json(new Analysis(outcome.Kind.ToString().ToLowerInvariant(), Reason: outcome.IsRejected ? outcome.RejectionReason.ToString() : null, Message: outcome.Message), AppJson.Default.Analysis, statusCode: 422);
    }
    catch (ImageFitException error)            // unreadable, HEIC, too small to fit: nothing was sent
    {
        return Results.Json(new Analysis("rejected", Reason: error.Reason.ToString(), Message: error.Message), AppJson.Default.Analysis, statusCode: 422);
    }
    catch (SkinLiteException error)            // the service failed or could not be reached; the key is never in a message
    {
        return Results.Json(new Analysis("error", Message: error.Message, JobMayExist: error.JobMayExist), AppJson.Default.Analysis, statusCode: 502);
    }
});

app.Run();

internal sealed record Analysis(string Outcome, int? Score = null, string? SkinType = null, int? SkinAge = null, bool Emulated = false,
    string? Reason = null, string? Message = null, bool JobMayExist = false);

[JsonSerializable(typeof(Analysis))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
internal sealed partial class AppJson : JsonSerializerContext;
// </snippet>
