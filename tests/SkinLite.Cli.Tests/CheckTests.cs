using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>check: the local preflight only, one line per image on stdout.</summary>
public sealed class CheckTests : IDisposable
{
    private readonly TempFolder _files = new("skinlite-cli-tests-");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_sample_image_passes()
    {
        CliResult run = await CliProcess.RunAsync("check", "samples/face.png");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("samples/face.png: ok (PNG, 1024x1024, 9 KB)", run.Stdout.Trim());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Each_image_gets_its_own_line_and_one_bad_image_makes_exit_code_2()
    {
        string good = _files.Write("good.png", TestPng.Create(1500, 1200));
        string small = _files.Write("small.png", TestPng.Create(800, 600));
        string gif = _files.Write("photo.gif", TestImages.Gif());
        string missing = Path.Combine(_files.Path, "missing.png");

        CliResult run = await CliProcess.RunAsync("check", good, small, gif, missing);

        Assert.True(run.ExitCode == 2, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{good}: ok (PNG, 1500x1200", lines[0]);
        Assert.StartsWith($"{small}: FAIL: ", lines[1]);
        Assert.Contains("800x600", lines[1]);
        Assert.Contains("1024", lines[1]);
        Assert.StartsWith($"{gif}: FAIL: ", lines[2]);
        Assert.Contains("GIF", lines[2]);
        Assert.StartsWith($"{missing}: FAIL: There is no file", lines[3]);
        // Issue 12: each line names its image once, at its start.
        Assert.All(lines.Zip([good, small, gif, missing]), pair => Assert.Equal(pair.Second.Length, pair.First.Length - pair.First.Replace(pair.Second, "", StringComparison.Ordinal).Length));
    }

    [Fact]
    public async Task A_file_cut_short_is_refused_and_says_where_it_ends()
    {
        byte[] png = TestPng.Create(1024, 1024);
        byte[] jpeg = TestImages.Jpeg();
        string cutPng = _files.Write("cut.png", png[..^20]);
        string cutJpeg = _files.Write("cut.jpg", jpeg[..^100]);

        CliResult run = await CliProcess.RunAsync("check", cutPng, cutJpeg);

        Assert.True(run.ExitCode == 2, run.ToString());
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{cutPng}: FAIL: ", lines[0]);
        Assert.Contains("inside the chunk 'IDAT'", lines[0]);
        Assert.StartsWith($"{cutJpeg}: FAIL: ", lines[1]);
        Assert.Contains($"ends after {jpeg.Length - 100} bytes inside the scan data, without the end-of-image marker (FF D9)", lines[1]);
    }
}
