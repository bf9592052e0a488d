using SkinLite;
using SkinLite.Imaging;

/// <summary>
/// The README's "Fit phone photos" lines, compiled with the sample so that they cannot rot (eng/ci-samples.sh checks
/// the README against the region below). Not called by the sample.
/// </summary>
internal static class FitExamples
{
    public static async Task ShowAsync(SkinLiteClient client, byte[] upload)
    {
// <snippet>
        var fitter = new ImageFitter();                      // thread-safe: one for the whole app
        using FittedImage fitted = fitter.Fit(upload, "IMG_0042.JPG");   // ImageFitException: cannot be fitted
        Console.Error.WriteLine(fitted.Report);              // fitted: 3024x4032 → 1512x2016, rotated 90°, location ... removed
        AnalysisOutcome outcome = await client.AnalyzeAsync(fitted);

        FitAssessment plan = fitter.Assess(upload);          // headers only: would it need fitting, could it be fitted?
// </snippet>
        Console.WriteLine($"{outcome.Kind} {plan}");
    }
}
