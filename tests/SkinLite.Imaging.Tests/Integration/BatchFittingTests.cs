using SkinLite.TestSupport;
using SkinLite.Emulator;

namespace SkinLite.Imaging.Tests.Integration;

/// <summary>BatchOptions.UseImageFitting: a batch fits phone photos, sends fitting ones untouched, and refuses what cannot be fitted without sending it.</summary>
public sealed class BatchFittingTests
{
    [Fact]
    public async Task A_batch_with_image_fitting_fits_a_phone_photo_sends_a_clean_one_as_it_is_and_refuses_a_small_one()
    {
        using var folder = new TempFolder();
        string phone = folder.Write("IMG_0001.JPG", CameraJpeg.Create(4032, 3024, orientation: 6));
        string clean = FixtureFiles.PathOf("passes-clean.jpg");
        string small = FixtureFiles.PathOf("too-small.jpg");
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero });
        using var http = new HttpClient(emulator.CreateHandler());
        var client = new SkinLiteClient(http, new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(1) },
        });
        BatchOptions options = new BatchOptions().UseImageFitting();

        var results = new Dictionary<string, BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync([phone, clean, small], options))
        {
            results.Add(item.Path, item);
        }

        Assert.Equal(BatchItemStatus.Succeeded, results[phone].Status);
        Assert.StartsWith("fitted: 3024x4032 → 1512x2016, rotated 90°", results[phone].Note, StringComparison.Ordinal);
        Assert.Equal(BatchItemStatus.Succeeded, results[clean].Status);
        Assert.Null(results[clean].Note);
        BatchItemResult refused = results[small];
        Assert.Equal(BatchItemStatus.Refused, refused.Status);
        Assert.Equal(RejectionReason.ResolutionTooSmall, refused.Reason);
        Assert.StartsWith($"'{small}': The image is 800x600 pixels", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.Submitted);
        Assert.Equal(2, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public void UseImageFitting_sets_Prepare_returns_the_same_options_and_checks_the_fit_options_at_once()
    {
        var options = new BatchOptions();

        Assert.Same(options, options.UseImageFitting(new ImageFitOptions { KeepMetadata = true }));
        Assert.NotNull(options.Prepare);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions().UseImageFitting(new ImageFitOptions { Quality = 0 }));
        Assert.Throws<ArgumentNullException>(() => BatchOptionsFittingExtensions.UseImageFitting(null!));
    }

    [Fact]
    public async Task The_preparer_refuses_a_HEIC_file_with_the_fitters_message_and_sends_nothing()
    {
        BatchImagePreparer prepare = new BatchOptions().UseImageFitting().Prepare!;

        using PreparedImage decision = await prepare("photo.heic", FixtureFiles.Bytes("photo.heic"), CancellationToken.None);

        Assert.True(decision.IsRefused);
        Assert.Contains("HEIF/HEIC", decision.Refusal, StringComparison.Ordinal);
        Assert.True(decision.Content.IsEmpty);
    }
}
