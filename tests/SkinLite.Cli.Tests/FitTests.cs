using SkinLite.Cli.Tests.Support;
using SkinLite.Imaging.Tests;

namespace SkinLite.Cli.Tests;

/// <summary>Phone photos through the native skinlite: analyze fits them and says how, fit writes them, check says whether fitting helps.</summary>
public sealed class FitTests
{
    private const string Fixtures = "tests/SkinLite.Imaging.Tests/Fixtures/";

    [Fact]
    public async Task Analyze_fits_a_12_MP_rotated_phone_JPEG_with_GPS_says_how_and_gets_it_analysed()
    {
        using var folder = new TempFolder();
        string photo = folder.Write("IMG_0042.JPG", CameraJpeg.Create(4032, 3024, orientation: 6));

        CliResult run = await CliProcess.RunAsync("analyze", photo);

        Assert.True(run.ExitCode == 0, run.ToString());
        string fitted = Assert.Single(run.StderrLines, line => line.StartsWith("skinlite: fitted: ", StringComparison.Ordinal));
        Assert.Matches(@"^skinlite: fitted: 3024x4032 → 1512x2016, rotated 90°, location, device, date and other metadata removed, \d\.\d MB → \d+ kB \(JPEG quality 90\)$", fitted);
        Assert.Contains("Skin analysis (emulated", run.Stdout);
    }

    [Fact]
    public async Task Analyze_with_no_fit_sends_nothing_and_says_what_the_service_would_refuse()
    {
        using var folder = new TempFolder();
        string photo = folder.Write("big.jpg", CameraJpeg.Create(2400, 1800, orientation: 1, gps: false));

        CliResult run = await CliProcess.RunAsync("analyze", photo, "--no-fit");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("is 2400x1800 pixels; the service accepts at most 2048x2048. Nothing was sent.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_quiet_fits_without_the_fit_line()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Fixtures + "orientation-6.jpg", "--quiet", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        System.Text.Json.JsonElement json = run.Json();
        Assert.Equal("succeeded", json.GetProperty("outcome").GetString());
        Assert.DoesNotContain(run.StderrLines, line => line.Contains("fitted", StringComparison.Ordinal));
        System.Text.Json.JsonElement fit = json.GetProperty("fit");
        Assert.True(fit.GetProperty("changed").GetBoolean());
        Assert.Equal(90, fit.GetProperty("rotationDegrees").GetInt32());
        Assert.Equal((1024, 1280), (fit.GetProperty("sourceWidth").GetInt32(), fit.GetProperty("sourceHeight").GetInt32()));
        Assert.Equal((1024, 1280), (fit.GetProperty("width").GetInt32(), fit.GetProperty("height").GetInt32()));
        Assert.Equal(["location", "device", "dates", "other"], fit.GetProperty("metadataRemoved").EnumerateArray().Select(k => k.GetString()));
        Assert.StartsWith("fitted: 1024x1280 kept, rotated 90°", fit.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_json_with_no_fit_has_a_null_fit()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Fixtures + "passes-clean.jpg", "--no-fit", "--json", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Json().GetProperty("fit").ValueKind);
    }

    [Theory]
    [InlineData("too-small.jpg", "The image is 800x600 pixels; the service needs at least 1024 on each side, and SkinLite does not enlarge photos")]
    [InlineData("panorama.jpg", "Crop it to at most 2:1 (for example 2048x1024) and try again.")]
    [InlineData("photo.heic", "The image is a HEIF/HEIC (or AVIF) file, which SkinLite.Imaging cannot decode on this platform")]
    public async Task An_image_that_cannot_be_fitted_is_exit_2_with_nothing_sent(string name, string expected)
    {
        CliResult run = await CliProcess.RunAsync("analyze", Fixtures + name);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was sent.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_writes_an_upright_JPEG_without_metadata_and_reports_it()
    {
        using var folder = new TempFolder();
        string output = Path.Combine(folder.Path, "fitted.jpg");

        CliResult run = await CliProcess.RunAsync("fit", Fixtures + "orientation-8.jpg", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{output}: fitted: 1024x1280 kept, rotated 270°, location, device, date and other metadata removed, 25 kB → ", run.Stdout[..(run.Stdout.IndexOf('→') + 2)]);
        byte[] written = File.ReadAllBytes(output);
        Assert.True(ImagePreflight.Check(written).IsValid);
        Assert.Equal(-1, written.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task Fit_copies_an_image_that_needs_nothing_byte_for_byte()
    {
        using var folder = new TempFolder();
        string output = Path.Combine(folder.Path, "same.jpg");

        CliResult run = await CliProcess.RunAsync("fit", Fixtures + "passes-clean.jpg", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("not fitted: the JPEG already meets every rule and carries no metadata; sent as it is", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.File(Fixtures + "passes-clean.jpg")), File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Fit_refuses_to_overwrite_the_photo_and_names_a_missing_directory()
    {
        using var folder = new TempFolder();
        string photo = folder.Write("photo.jpg", File.ReadAllBytes(RepositoryRoot.File(Fixtures + "orientation-6.jpg")));

        CliResult same = await CliProcess.RunAsync("fit", photo, photo);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("is the photo itself; write the fitted image elsewhere, so the original is kept.", same.Stderr, StringComparison.Ordinal);

        CliResult nowhere = await CliProcess.RunAsync("fit", photo, Path.Combine(folder.Path, "missing", "out.jpg"));
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("Cannot write", nowhere.Stderr, StringComparison.Ordinal);

        CliResult missing = await CliProcess.RunAsync("fit", Path.Combine(folder.Path, "nope.jpg"), Path.Combine(folder.Path, "out.jpg"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no file at", missing.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "out.jpg")));
    }

    [Fact]
    public async Task Check_says_for_each_image_whether_fitting_would_fix_it()
    {
        using var folder = new TempFolder();
        string big = folder.Write("big.jpg", CameraJpeg.Create(4032, 3024, orientation: 6));

        CliResult run = await CliProcess.RunAsync("check", big, Fixtures + "panorama.jpg", Fixtures + "passes-clean.jpg", Fixtures + "passes-with-gps.jpg");

        Assert.Equal(2, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("Fitting fixes it (3024x4032 → 1512x2016, rotate 90°, remove location, device, date and other metadata): analyze does this by itself", lines[0], StringComparison.Ordinal);
        Assert.Contains("panorama.jpg: FAIL: The image is 4096x1024 pixels; the service accepts at most 2048x2048. Fitting cannot fix it: The image is 4096x1024 pixels: scaling its long side down to 2048 would leave 2048x512", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("passes-clean.jpg: ok (JPEG, 1024x1280, 20 KB)", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("passes-with-gps.jpg: ok (JPEG, 1024x1280, 21 KB); analyze sends it fitted (remove location, device, date and other metadata; --keep-metadata or --no-fit to send it as it is)", lines[3], StringComparison.Ordinal);
    }
}
