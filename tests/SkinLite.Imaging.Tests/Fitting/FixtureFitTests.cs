using System.Text.Json;
using SkiaSharp;

namespace SkinLite.Imaging.Tests.Fitting;

/// <summary>Every committed fixture through the fitter, judged by what manifest.json says it must become.</summary>
public sealed class FixtureFitTests
{
    private readonly ImageFitter _fitter = new();

    public static TheoryData<string> ToFit => FixtureFiles.Expecting("fit");

    public static TheoryData<string> AsIs => FixtureFiles.Expecting("as-is");

    [Theory]
    [MemberData(nameof(ToFit))]
    public void Fitted_fixture_is_an_upright_metadata_free_JPEG_with_its_patches_in_place(string name)
    {
        JsonElement entry = FixtureFiles.Entry(name);
        byte[] source = FixtureFiles.Bytes(name);
        using FittedImage fitted = _fitter.Fit(source, name);
        byte[] output = fitted.Content.ToArray();

        Assert.True(fitted.Report.Changed);
        Assert.Equal(Path.ChangeExtension(name, ".jpg"), fitted.FileName);
        Assert.Equal(ImageFormat.Jpeg, ImagePreflight.Check(output).Info.Format);
        Assert.True(ImagePreflight.Check(output).IsValid, ImagePreflight.Check(output).Message);
        Assert.Empty(Metadata.JpegPrivateKinds(output));
        Assert.DoesNotContain(Metadata.JpegSegments(output), s => s.Identifier is "Exif");
        (int width, int height) = (entry.GetProperty("upright").GetProperty("width").GetInt32(), entry.GetProperty("upright").GetProperty("height").GetInt32());
        Assert.Equal((width, height), (fitted.Report.Width, fitted.Report.Height));
        Assert.Equal(output.Length, fitted.Report.BytesAfter);
        Assert.Equal(source.Length, fitted.Report.BytesBefore);
        AssertPatches(entry, output);
    }

    [Theory]
    [MemberData(nameof(AsIs))]
    public void Fixture_that_meets_every_rule_and_carries_nothing_is_returned_untouched(string name)
    {
        byte[] source = FixtureFiles.Bytes(name);
        ReadOnlyMemory<byte> memory = source;
        using FittedImage fitted = _fitter.Fit(memory, name);

        Assert.False(fitted.Report.Changed);
        Assert.Equal(FitReasons.None, fitted.Report.Assessment.Reasons);
        Assert.True(fitted.Content.Span == memory.Span, "the caller's own bytes, not a copy");
        Assert.Null(fitted.Report.Quality);
        Assert.Equal(name, fitted.FileName);
        Assert.StartsWith("not fitted:", fitted.Report.ToString(), StringComparison.Ordinal);
        AssertPatches(FixtureFiles.Entry(name), source);
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, true)]
    [InlineData(3, 180, false)]
    [InlineData(4, 180, true)]
    [InlineData(5, 270, true)]
    [InlineData(6, 90, false)]
    [InlineData(7, 90, true)]
    [InlineData(8, 270, false)]
    public void Every_EXIF_orientation_is_applied_to_the_pixels_and_reported(int orientation, int degrees, bool mirrored)
    {
        using FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes($"orientation-{orientation}.jpg"));

        Corners.AssertUpright(fitted.Content.ToArray());
        Assert.Equal((1024, 1280), (fitted.Report.Width, fitted.Report.Height));
        Assert.Equal(degrees, fitted.Report.RotationDegrees);
        Assert.Equal(mirrored, fitted.Report.Mirrored);
        Assert.Equal(orientation, fitted.Report.Assessment.Orientation);
        Assert.Equal(PhotoMetadata.Location | PhotoMetadata.Device | PhotoMetadata.Dates | PhotoMetadata.Other, fitted.Report.MetadataRemoved);
    }

    [Fact]
    public void Wide_gamut_profile_is_converted_to_sRGB_not_stripped()
    {
        using FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes("icc-wide-gamut.jpg"));

        Assert.True(fitted.Report.Assessment.Reasons.HasFlag(FitReasons.ColorProfile));
        Assert.Contains("converted to sRGB", fitted.Report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Metadata.JpegSegments(fitted.Content.ToArray()), s => s.Identifier is "ICC_PROFILE");
        SKColor centre = Corners.Read(fitted.Content.ToArray()).Centre;
        // The file stores (110,180,80) in Adobe RGB; in sRGB that is about (52,181,70). Left unconverted it would stay 110 red.
        Assert.InRange(centre.Red, 40, 64);
    }

    [Fact]
    public void Transparency_is_flattened_onto_white()
    {
        using FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes("alpha.png"));

        Assert.True(fitted.Report.Assessment.Reasons.HasFlag(FitReasons.Transparency));
        SKColor centre = Corners.Read(fitted.Content.ToArray()).Centre;
        Assert.True(Corners.Near(centre, SKColors.White, 6), $"the transparent centre came out {Corners.Describe(centre)}");
    }

    [Fact]
    public void Cmyk_JPEG_is_converted_to_RGB()
    {
        using FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes("cmyk.jpg"));

        Assert.True(fitted.Report.Assessment.Reasons.HasFlag(FitReasons.Cmyk));
        Assert.Contains("CMYK converted to RGB", fitted.Report.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, ComponentCount(fitted.Content.ToArray()));
    }

    [Fact]
    public void WebP_becomes_a_JPEG()
    {
        using FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes("scene.webp"), "scene.webp");

        Assert.True(fitted.Report.Assessment.Reasons.HasFlag(FitReasons.Format));
        Assert.Equal("scene.jpg", fitted.FileName);
        Assert.StartsWith("fitted: WebP → JPEG", fitted.Report.ToString(), StringComparison.Ordinal);
        Corners.AssertUpright(fitted.Content.ToArray());
    }

    [Fact]
    public void Metadata_on_an_image_that_passes_goes_by_default_and_stays_when_asked()
    {
        byte[] source = FixtureFiles.Bytes("passes-with-gps.jpg");

        using FittedImage stripped = _fitter.Fit(source);
        Assert.Equal(FitReasons.Metadata, stripped.Report.Assessment.Reasons);
        Assert.Equal((1024, 1280), (stripped.Report.Width, stripped.Report.Height));
        Assert.Equal(1.0, stripped.Report.Scale);
        Assert.Empty(Metadata.JpegPrivateKinds(stripped.Content.ToArray()));
        Assert.StartsWith("fitted: 1024x1280 kept, location, device, date and other metadata removed, 22 kB → ", stripped.Report.ToString(), StringComparison.Ordinal);

        using FittedImage kept = new ImageFitter(new ImageFitOptions { KeepMetadata = true }).Fit(source);
        Assert.False(kept.Report.Changed);
        Assert.Equal(source, kept.Content.ToArray());
    }

    private static int ComponentCount(byte[] jpeg)
    {
        JpegSegment frame = Metadata.JpegSegments(jpeg).Single(s => s.Marker is >= 0xC0 and <= 0xC2);
        return jpeg[frame.Offset + 4 + 5];
    }

    /// <summary>The manifest's patch colours, sampled at each patch's centre in upright coordinates.</summary>
    private static void AssertPatches(JsonElement entry, byte[] image)
    {
        int tolerance = entry.TryGetProperty("jpeg_tolerance", out JsonElement t) ? t.GetInt32() + 8 : 10;
        using SKBitmap upright = Corners.DecodeUpright(image);
        foreach (JsonElement patch in entry.GetProperty("patches").EnumerateArray())
        {
            int x = patch.GetProperty("x").GetInt32() + (patch.GetProperty("w").GetInt32() / 2);
            int y = patch.GetProperty("y").GetInt32() + (patch.GetProperty("h").GetInt32() / 2);
            int[] rgb = patch.GetProperty("rgb").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            SKColor found = upright.GetPixel(x, y);
            Assert.True(
                Corners.Near(found, new SKColor((byte)rgb[0], (byte)rgb[1], (byte)rgb[2]), tolerance),
                $"{entry.GetProperty("name").GetString()}: patch {patch.GetProperty("name").GetString()} is {Corners.Describe(found)}, want ({rgb[0]},{rgb[1]},{rgb[2]})");
        }
    }
}
