using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkiaSharp;
using SkinLite.Emulator;
using SkinLite.Imaging;
using SkinLite.TestSupport;

namespace SkinLite.AotSmoke;

/// <summary>
/// Image fitting natively: SkiaSharp's native library loads beside the executable, a rotated phone JPEG with GPS
/// comes out upright without metadata, a 12 MP JPEG is decoded straight at half size, and the fitter registered with
/// AddImageFitting() feeds the DI client through to an analysis on the in-process emulator.
/// </summary>
internal static class ImagingChecks
{
    public static async Task RunAsync(Check check)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSkinLiteClient(o =>
        {
            o.BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private);
            o.AppId = SkinAnalysisEmulator.DefaultAppId;
            o.Credential = SkinAnalysisEmulator.DefaultCredential;
            o.Polling = new PollingOptions { InitialDelay = TimeSpan.FromMilliseconds(50), Interval = TimeSpan.FromMilliseconds(50), MinDelay = TimeSpan.FromMilliseconds(1) };
        }).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler).AddImageFitting();
        using IHost host = builder.Build();
        await host.StartAsync();
        var fitter = host.Services.GetRequiredService<ImageFitter>();
        var client = host.Services.GetRequiredService<SkinLiteClient>();

        byte[] phone = File.ReadAllBytes(RepositoryRoot.File("tests/SkinLite.Imaging.Tests/Fixtures/orientation-6.jpg"));
        using (FittedImage fitted = fitter.Fit(phone, "phone.jpg"))
        {
            FitReport report = fitted.Report;
            check.Equal((1024, 1280), (report.Width, report.Height), "fitted size of a rotated 1280x1024 JPEG");
            check.Equal(90, report.RotationDegrees, "rotation applied");
            check.True(report.MetadataRemoved.HasFlag(PhotoMetadata.Location), "location metadata removed");
            check.True(ImagePreflight.Check(fitted.Content.Span).IsValid, "fitted image passes the preflight");
            using SKBitmap pixels = SKBitmap.Decode(fitted.Content.Span);
            SKColor corner = pixels.GetPixel(40, 40);
            check.True(corner.Red > 200 && corner.Green < 60 && corner.Blue < 60, $"red marker top-left after rotation (found {corner})");
            AnalysisOutcome outcome = await client.AnalyzeAsync(fitted);
            check.Equal(OutcomeKind.Succeeded, outcome.Kind, "fitted image analysed through DI");
        }

        using (FittedImage large = fitter.Fit(CameraSized(4032, 3024), "large.jpg"))
        {
            check.Equal((2016, 1512), (large.Report.Width, large.Report.Height), "12 MP JPEG decoded straight at half size");
        }

        await host.StopAsync();
    }

    private static byte[] CameraSized(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Peru, SKColors.Bisque], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        return jpeg.ToArray();
    }
}
