namespace SkinLite.Imaging.Tests.Fitting;

/// <summary>Images that cannot be fitted: each refused with the service's reason and a message that says what would work.</summary>
public sealed class RefusalTests
{
    private readonly ImageFitter _fitter = new();

    [Fact]
    public void A_small_photo_is_never_enlarged()
    {
        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(FixtureFiles.Bytes("too-small.jpg")));

        Assert.Equal(RejectionReason.ResolutionTooSmall, error.Reason);
        Assert.Equal("The image is 800x600 pixels; the service needs at least 1024 on each side, and SkinLite does not enlarge photos (the analysis would score invented detail). Use a photo at least 1024x1024.", error.Message);
    }

    [Fact]
    public void A_panorama_whose_short_side_would_end_below_1024_is_refused_with_a_crop_that_works()
    {
        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(FixtureFiles.Bytes("panorama.jpg")));

        Assert.Equal(RejectionReason.ResolutionTooSmall, error.Reason);
        Assert.Equal("The image is 4096x1024 pixels: scaling its long side down to 2048 would leave 2048x512, and the service needs at least 1024 on each side. Crop it to at most 2:1 (for example 2048x1024) and try again.", error.Message);
    }

    [Fact]
    public void A_tall_panorama_gets_a_portrait_crop()
    {
        byte[] tall = CameraJpeg.Create(1100, 4000, orientation: 1, gps: false);

        FitAssessment assessment = _fitter.Assess(tall);

        Assert.False(assessment.CanFit);
        Assert.Contains("(for example 1100x2200)", assessment.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void HEIC_is_refused_with_how_to_convert_it()
    {
        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(FixtureFiles.Bytes("photo.heic")));

        Assert.Equal(RejectionReason.UnsupportedFormat, error.Reason);
        Assert.StartsWith("The image is a HEIF/HEIC (or AVIF) file, which SkinLite.Imaging cannot decode on this platform", error.Message, StringComparison.Ordinal);
        Assert.Contains("Most Compatible", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0, 1, 0, 0, 0 }, "The image is a GIF file; SkinLite.Imaging reads JPEG, PNG and WebP, and the service takes only PNG and JPEG.")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, "The image is not an image SkinLite.Imaging knows (it starts with 0102030405060708); SkinLite.Imaging reads JPEG, PNG and WebP, and the service takes only PNG and JPEG.")]
    public void Other_formats_are_named(byte[] content, string message)
    {
        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(content));

        Assert.Equal(RejectionReason.UnsupportedFormat, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_empty_file_is_unreadable()
    {
        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(ReadOnlyMemory<byte>.Empty));

        Assert.Equal(RejectionReason.UnreadableImage, error.Reason);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void A_photo_cut_short_is_refused_as_corrupt_before_any_pixel_is_decoded(double kept)
    {
        byte[] photo = CameraJpeg.Create(4032, 3024, orientation: 6);
        byte[] cut = photo[..(int)(photo.Length * kept)];

        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(cut));

        Assert.Equal(RejectionReason.CorruptImage, error.Reason);
        Assert.StartsWith("The image cannot be read:", error.Message, StringComparison.Ordinal);
        Assert.False(_fitter.Assess(cut).CanFit);
    }

    [Fact]
    public void A_truncated_PNG_is_refused_as_corrupt()
    {
        byte[] png = FixtureFiles.Bytes("png16.png");

        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(png[..(png.Length / 2)]));

        Assert.Equal(RejectionReason.CorruptImage, error.Reason);
    }
}
