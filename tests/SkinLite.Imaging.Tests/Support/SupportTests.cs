using System.Diagnostics;
using System.Text.Json;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace SkinLite.Imaging.Tests;

// Proves the test-side helpers and the committed fixtures before any fitter test relies on them.
public sealed class SupportTests(ITestOutputHelper output)
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(FixtureDir, name));

    public static TheoryData<int> Orientations => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Orientations))]
    public void CameraJpeg_carries_the_orientation_and_metadata_it_was_asked_for(int orientation)
    {
        byte[] jpeg = CameraJpeg.Create(640, 480, orientation);

        using (var codec = SKCodec.Create(new SKMemoryStream(jpeg)))
        {
            Assert.Equal((SKEncodedOrigin)orientation, codec.EncodedOrigin);
            Assert.Equal((640, 480), (codec.Info.Width, codec.Info.Height));
        }

        ExifFields exif = Assert.IsType<ExifFields>(Metadata.ReadExif(jpeg));
        Assert.Equal(orientation, exif.Orientation);
        Assert.Equal(ExifSegment.Make, exif.Make);
        Assert.Equal(ExifSegment.Model, exif.Model);
        Assert.Equal(ExifSegment.Serial, exif.BodySerialNumber);
        Assert.Equal(ExifSegment.Taken, exif.DateTimeOriginal);
        Assert.Equal(ExifSegment.Latitude, exif.Latitude!.Value, 5);
        Assert.Equal(ExifSegment.Longitude, exif.Longitude!.Value, 5);
        Assert.Equal(["Exif", "XMP"], Metadata.JpegPrivateKinds(jpeg));

        using SKBitmap upright = Corners.DecodeUpright(jpeg);
        Assert.Equal(CameraJpeg.UprightSize(640, 480, orientation), (upright.Width, upright.Height));
        Corners.AssertUpright(upright);
    }

    [Fact]
    public void CameraJpeg_little_endian_Exif_without_gps_reads_back()
    {
        byte[] untagged = RemoveExif(CameraJpeg.Create(320, 240, 1, gps: false));
        Assert.Empty(Metadata.JpegPrivateKinds(untagged));
        byte[] jpeg = ExifSegment.InsertAfterSoi(untagged, ExifSegment.Build(3, gps: false, bigEndian: false));

        ExifFields exif = Assert.IsType<ExifFields>(Metadata.ReadExif(jpeg));
        Assert.Equal(3, exif.Orientation);
        Assert.Equal(ExifSegment.Serial, exif.BodySerialNumber);
        Assert.Null(exif.Latitude);
        Assert.Equal(["Exif"], Metadata.JpegPrivateKinds(jpeg));
    }

    [Fact]
    public void CameraJpeg_12_megapixels_is_phone_sized()
    {
        var clock = Stopwatch.StartNew();
        byte[] jpeg = CameraJpeg.Create(4032, 3024, 6);
        clock.Stop();
        output.WriteLine($"4032x3024 q92: {jpeg.Length:N0} bytes in {clock.ElapsedMilliseconds} ms");

        // Size is the point (the fitter must requality/resize it under 5 MB); time is only logged, as a loaded
        // 2-core CI machine makes any time bound flaky.
        Assert.InRange(jpeg.Length, 3_000_000, 6_000_000);
        using SKBitmap upright = Corners.DecodeUpright(jpeg);
        Assert.Equal((3024, 4032), (upright.Width, upright.Height));
        Corners.AssertUpright(upright);
    }

    [Fact]
    public void Corners_pass_the_upright_fixture_and_catch_an_unrotated_one()
    {
        Corners.AssertUpright(Fixture("orientation-1.jpg"));

        // Stored pixels of orientation 6 are the scene turned a quarter left: green sits top-left.
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Corners.AssertUpright(Fixture("orientation-6.jpg")));
        Assert.Contains("top-left is green", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Orientation_fixtures_are_upright_once_their_EXIF_orientation_is_applied(int orientation)
    {
        byte[] jpeg = Fixture($"orientation-{orientation}.jpg");
        using SKBitmap upright = Corners.DecodeUpright(jpeg);
        Assert.Equal((1024, 1280), (upright.Width, upright.Height));
        Corners.AssertUpright(upright, tolerance: 12);

        ExifFields exif = Assert.IsType<ExifFields>(Metadata.ReadExif(jpeg));
        Assert.Equal(orientation, exif.Orientation);
        Assert.Equal(ExifSegment.Serial, exif.BodySerialNumber);
        Assert.Equal(ExifSegment.Latitude, exif.Latitude!.Value, 5);
        Assert.Equal(["JFIF", "Exif", "XMP"], Metadata.JpegSegments(jpeg).Where(s => s.Identifier is not null)
            .Select(s => s.Identifier!.StartsWith("http://ns.adobe.com/xap", StringComparison.Ordinal) ? "XMP" : s.Identifier!));
    }

    public static TheoryData<string> DecodableFixtures()
    {
        using JsonDocument manifest = JsonDocument.Parse(Fixture("manifest.json"));
        var names = new TheoryData<string>();
        foreach (JsonElement file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            if (file.GetProperty("expected").GetString() != "refuse-format")
            {
                names.Add(file.GetProperty("name").GetString()!);
            }
        }

        return names;
    }

    // SkiaSharp (what the fitter is built on) reads every fixture the fitter must accept, and the manifest's patch
    // colours are what it sees once upright. Decoding does not colour-manage, so the ICC file shows its stored
    // values; the transparent centre of alpha.png decodes as alpha 0.
    [Theory]
    [MemberData(nameof(DecodableFixtures))]
    public void Fixture_decodes_with_SkiaSharp_to_its_manifest_patches(string name)
    {
        using JsonDocument manifest = JsonDocument.Parse(Fixture("manifest.json"));
        JsonElement entry = manifest.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == name);
        int tolerance = entry.TryGetProperty("jpeg_tolerance", out JsonElement t) ? t.GetInt32() : 2;

        using SKBitmap upright = Corners.DecodeUpright(Fixture(name));
        Assert.Equal(
            (entry.GetProperty("upright").GetProperty("width").GetInt32(), entry.GetProperty("upright").GetProperty("height").GetInt32()),
            (upright.Width, upright.Height));
        foreach (JsonElement patch in entry.GetProperty("patches").EnumerateArray())
        {
            int x = patch.GetProperty("x").GetInt32(), y = patch.GetProperty("y").GetInt32();
            int w = patch.GetProperty("w").GetInt32(), h = patch.GetProperty("h").GetInt32();
            SKColor middle = upright.GetPixel(x + (w / 2), y + (h / 2));
            if (patch.TryGetProperty("stored_rgba", out _))
            {
                Assert.Equal(0, middle.Alpha);
                continue;
            }

            int[] rgb = (patch.TryGetProperty("stored_rgb", out JsonElement s) ? s : patch.GetProperty("rgb"))
                .EnumerateArray().Select(c => c.GetInt32()).ToArray();
            var want = new SKColor((byte)rgb[0], (byte)rgb[1], (byte)rgb[2]);
            Assert.True(Corners.Near(middle, want, tolerance),
                $"{name} {patch.GetProperty("name").GetString()}: {Corners.Describe(middle)}, want {Corners.Describe(want)}");
        }
    }

    [Fact]
    public void SkiaSharp_cannot_decode_the_HEIC_fixture_so_the_fitter_must_refuse_it_by_signature()
    {
        byte[] heic = Fixture("photo.heic");
        Assert.Equal("ftypheic", System.Text.Encoding.ASCII.GetString(heic, 4, 8));
        Assert.Null(SKCodec.Create(new SKMemoryStream(heic)));
    }

    [Fact]
    public void Metadata_sees_what_each_fixture_carries()
    {
        Assert.Empty(Metadata.JpegPrivateKinds(Fixture("passes-clean.jpg")));
        Assert.Equal(["Exif"], Metadata.JpegPrivateKinds(Fixture("passes-with-gps.jpg")));
        Assert.Equal(["ICC_PROFILE"], Metadata.JpegPrivateKinds(Fixture("icc-wide-gamut.jpg")));
        Assert.Contains(Metadata.JpegSegments(Fixture("cmyk.jpg")), s => s.Marker == 0xEE && s.Identifier == "Adobe");
        Assert.Contains(Metadata.JpegSegments(Fixture("progressive-rotated-gps.jpg")), s => s.Name == "SOF2");

        IReadOnlyList<PngChunk> chunks = Metadata.PngChunks(Fixture("png16.png"));
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        Assert.Empty(Metadata.PngPrivateChunks(Fixture("alpha.png")));
    }

    [Fact]
    public void Manifest_lists_every_fixture_and_every_listed_fixture_exists()
    {
        using JsonDocument manifest = JsonDocument.Parse(Fixture("manifest.json"));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()!).ToHashSet();
        string[] notImages = ["manifest.json", "README.md", "make-fixtures.sh", "make_fixtures.py", "verify_fixtures.py"];
        var present = Directory.GetFiles(FixtureDir).Select(Path.GetFileName).Select(n => n!)
            .Where(n => !notImages.Contains(n)).ToHashSet();

        Assert.Empty(listed.Except(present));
        Assert.Empty(present.Except(listed));
        foreach (JsonElement file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            Assert.Contains(file.GetProperty("expected").GetString(), new[] { "fit", "as-is", "refuse-too-small", "refuse-format" });
        }
    }

    private static byte[] RemoveExif(byte[] jpeg)
    {
        var segments = Metadata.JpegSegments(jpeg);
        JpegSegment exif = segments.First(s => s.Identifier == "Exif");
        return [.. jpeg[..exif.Offset], .. jpeg[(exif.Offset + 2 + exif.Length)..]];
    }
}
