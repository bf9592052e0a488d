using SkiaSharp;

namespace SkinLite.Imaging.Tests.Fitting;

/// <summary>Phone-sized photos made in the test (too big to commit): 12 MP and 48 MP, rotated, with GPS.</summary>
public sealed class CameraPhotoTests
{
    private readonly ImageFitter _fitter = new();

    [Fact]
    public void A_12_MP_rotated_phone_JPEG_with_GPS_comes_out_upright_within_the_rules_without_metadata()
    {
        byte[] photo = CameraJpeg.Create(4032, 3024, orientation: 6);
        Assert.NotNull(Metadata.ReadExif(photo)?.Latitude);

        using FittedImage fitted = _fitter.Fit(photo, "IMG_0001.JPG");
        byte[] output = fitted.Content.ToArray();
        FitReport report = fitted.Report;

        // Decoded straight at 1/2 by the JPEG's DCT: 2016x1512 stored, 1512x2016 upright, no resampling pass.
        Assert.Equal((2016, 1512), (report.DecodedWidth, report.DecodedHeight));
        Assert.Equal((1512, 2016), (report.Width, report.Height));
        Assert.Equal(90, report.RotationDegrees);
        Assert.True(report.MetadataRemoved.HasFlag(PhotoMetadata.Location));
        Assert.True(report.MetadataRemoved.HasFlag(PhotoMetadata.Device));
        Assert.Equal(90, report.Quality);
        Assert.True(ImagePreflight.Check(output).IsValid, ImagePreflight.Check(output).Message);
        Assert.Empty(Metadata.JpegPrivateKinds(output));
        Assert.Null(Metadata.ReadExif(output));
        Corners.AssertUpright(output);
        Assert.Equal("IMG_0001.jpg", fitted.FileName);
        Assert.Matches(@"^fitted: 3024x4032 → 1512x2016, rotated 90°, location, device, date and other metadata removed, \d\.\d MB → \d+ kB \(JPEG quality 90\)$", report.ToString());
    }

    [Fact]
    public void A_48_MP_JPEG_is_decoded_straight_at_a_quarter()
    {
        using FittedImage fitted = _fitter.Fit(CameraJpeg.Create(8000, 6000, orientation: 1, gps: false));

        Assert.Equal((2000, 1500), (fitted.Report.DecodedWidth, fitted.Report.DecodedHeight));
        Assert.Equal((2000, 1500), (fitted.Report.Width, fitted.Report.Height));
        Corners.AssertUpright(fitted.Content.ToArray());
    }

    [Fact]
    public void A_size_no_DCT_scale_lands_near_is_decoded_larger_and_resampled_to_2048()
    {
        // 4624x3472 (16 MP): 3/8 would give 1734 (too far below 2048), so it decodes at 4/8 (2312x1736) and resamples.
        using FittedImage fitted = _fitter.Fit(CameraJpeg.Create(4624, 3472, orientation: 8));

        Assert.Equal((2312, 1736), (fitted.Report.DecodedWidth, fitted.Report.DecodedHeight));
        Assert.Equal((1538, 2048), (fitted.Report.Width, fitted.Report.Height));
        Assert.Equal(270, fitted.Report.RotationDegrees);
        Corners.AssertUpright(fitted.Content.ToArray());
    }

    [Fact]
    public void A_large_PNG_is_halved_then_resampled_and_becomes_a_JPEG()
    {
        using SKBitmap upright = Corners.DecodeUpright(CameraJpeg.Create(4200, 2800, orientation: 1, gps: false));
        using SKData png = upright.Encode(SKEncodedImageFormat.Png, 100);

        using FittedImage fitted = _fitter.Fit(png.ToArray(), "scan.png");

        Assert.Equal((4200, 2800), (fitted.Report.DecodedWidth, fitted.Report.DecodedHeight));
        Assert.Equal((2048, 1365), (fitted.Report.Width, fitted.Report.Height));
        Assert.Equal("scan.jpg", fitted.FileName);
        Assert.True(ImagePreflight.Check(fitted.Content.Span).IsValid);
        Corners.AssertUpright(fitted.Content.ToArray());
    }

    [Fact]
    public void Quality_steps_down_only_until_the_file_is_under_5_MiB()
    {
        // Noise at quality 100 is ~12 MB at 2048x2048; the fitter steps down by 5 until it fits.
        byte[] noise = Noise(2048, 2048);
        using FittedImage fitted = new ImageFitter(new ImageFitOptions { Quality = 100, MinimumQuality = 40 }).Fit(noise);

        Assert.InRange(fitted.Report.Quality!.Value, 40, 95);
        Assert.Equal(0, (100 - fitted.Report.Quality.Value) % 5);
        Assert.InRange(fitted.Report.BytesAfter, 1, ImagePreflight.MaxFileBytes);

        ImageFitException refused = Assert.Throws<ImageFitException>(() => new ImageFitter(new ImageFitOptions { Quality = 100, MinimumQuality = 100 }).Fit(noise));
        Assert.Equal(RejectionReason.FileTooLarge, refused.Reason);
        Assert.Contains("at JPEG quality 100", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] Noise(int width, int height)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        byte[] pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (int i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 0);
        return png.ToArray();
    }
}
