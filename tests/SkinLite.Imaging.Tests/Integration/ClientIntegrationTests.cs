using Microsoft.Extensions.DependencyInjection;
using SkinLite.Emulator;

namespace SkinLite.Imaging.Tests.Integration;

/// <summary>A fitted image through the client to the emulator, directly and as registered with AddImageFitting().</summary>
public sealed class ClientIntegrationTests
{
    private static readonly PollingOptions Fast = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        Interval = TimeSpan.FromMilliseconds(20),
        MinDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task A_rotated_phone_photo_is_fitted_and_analysed_by_the_emulator()
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(50) });
        using var http = new HttpClient(emulator.CreateHandler());
        var client = new SkinLiteClient(http, new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            Polling = Fast,
        });
        byte[] photo = CameraJpeg.Create(4032, 3024, orientation: 6);

        // As it is, the service would refuse it: too large in bytes and in pixels.
        Assert.False(ImagePreflight.Check(photo).IsValid);
        using FittedImage fitted = new ImageFitter().Fit(photo, "phone.jpg");
        AnalysisOutcome outcome = await client.AnalyzeAsync(fitted);

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        SkinAnalysisJob job = await client.SubmitAsync(fitted);
        Assert.Equal(OutcomeKind.Succeeded, (await client.WaitAsync(job)).Kind);
    }

    [Fact]
    public void AddImageFitting_registers_one_shared_fitter_with_the_options_given()
    {
        var services = new ServiceCollection();
        services.AddSkinLiteClient(o =>
        {
            o.AppId = SkinAnalysisEmulator.DefaultAppId;
            o.Credential = SkinAnalysisEmulator.DefaultCredential;
        }).AddImageFitting(o => o.KeepMetadata = true);
        using ServiceProvider provider = services.BuildServiceProvider();

        var fitter = provider.GetRequiredService<ImageFitter>();
        Assert.Same(fitter, provider.GetRequiredService<ImageFitter>());
        using FittedImage kept = fitter.Fit(FixtureFiles.Bytes("passes-with-gps.jpg"));
        Assert.False(kept.Report.Changed);
    }

    [Fact]
    public void AddImageFitting_without_options_uses_the_defaults()
    {
        var services = new ServiceCollection();
        services.AddSkinLiteClient(o => o.AppId = "app").AddImageFitting();
        using ServiceProvider provider = services.BuildServiceProvider();

        using FittedImage stripped = provider.GetRequiredService<ImageFitter>().Fit(FixtureFiles.Bytes("passes-with-gps.jpg"));
        Assert.True(stripped.Report.Changed);
    }
}
