using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>--save, --report and skinlite report: every image a result references on the disk, and a report that needs nothing else.</summary>
public sealed class SaveAndReportTests
{
    private const string Sample = "samples/face.png";

    [Fact]
    public async Task Analyze_with_save_and_report_on_the_built_in_emulator_saves_every_image_and_an_offline_report()
    {
        using var output = new TempFolder();
        string dir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("analyze", Sample, "--save", dir, "--report");

        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "manifest.json")));
        JsonElement[] assets = [.. manifest.RootElement.GetProperty("assets").EnumerateArray()];
        // The input, the analysed input, the combined mask, two zones and the emulator's nine concerns (and facial hair, if sent).
        Assert.True(assets.Length >= 13, manifest.RootElement.ToString());
        foreach (JsonElement asset in assets)
        {
            Assert.Equal("saved", asset.GetProperty("status").GetString());
            string file = Path.Combine(dir, asset.GetProperty("fileName").GetString()!);
            Assert.True(File.ReadAllBytes(file).AsSpan().StartsWith(TestPng.Signature), file);
        }

        Assert.Contains(assets, asset => asset.GetProperty("field").GetString() == "output.skinData.combine_masked_url");
        Assert.Contains(assets, asset => asset.GetProperty("field").GetString() == "output.skinData.concerns[0].image");
        Assert.True(File.Exists(Path.Combine(dir, "document.json")));
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("Content-Security-Policy", html);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        // Every image the page shows is embedded from the saved files; the uploaded photo and a facial-hair "image" that is
        // only the input photo's URL again are saved but not drawn (the analysed input stands for both).
        HashSet<string> embedded = EmbeddedImageHashes(html);
        Assert.Subset(assets.Select(asset => asset.GetProperty("sha256").GetString()!).ToHashSet(), embedded);
        Assert.All(
            assets.Where(asset => asset.GetProperty("field").GetString() is not ("input.image" or "output.skinData.facial_hair_url")),
            asset => Assert.Contains(asset.GetProperty("sha256").GetString()!, embedded));
        Assert.Contains(run.StderrLines, line => line.Contains($"{assets.Length} of {assets.Length} images", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, line => line.StartsWith("skinlite: Report: ", StringComparison.Ordinal) || line.StartsWith("Report: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_without_save_is_refused_before_anything_is_sent()
    {
        await using LocalEmulator emulator = await LocalEmulator.StartAsync(TimeSpan.FromMilliseconds(200));

        CliResult run = await CliProcess.RunAsync(["analyze", Sample, "--report", .. emulator.ConnectionArguments()]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--report needs --save", run.Stderr);
        Assert.Equal(0, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task A_save_folder_that_is_a_file_is_refused_before_anything_is_sent()
    {
        await using LocalEmulator emulator = await LocalEmulator.StartAsync(TimeSpan.FromMilliseconds(200));
        using var output = new TempFolder();
        string file = output.Write("taken", [1, 2, 3]);

        CliResult run = await CliProcess.RunAsync(["analyze", Sample, "--save", file, .. emulator.ConnectionArguments()]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a file; give a folder", run.Stderr);
        Assert.Equal(0, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task Result_with_save_against_a_server_saves_its_images_and_a_second_run_downloads_nothing_new()
    {
        await using LocalEmulator emulator = await LocalEmulator.StartAsync(TimeSpan.FromMilliseconds(200));
        using var output = new TempFolder();
        string dir = Path.Combine(output.Path, "saved");
        CliResult analyzed = await CliProcess.RunAsync(["analyze", Sample, "--json", .. emulator.ConnectionArguments()]);
        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        JsonElement ids = analyzed.Json();

        CliResult first = await CliProcess.RunAsync(["result", ids.GetProperty("scanId").GetString()!, ids.GetProperty("predictionId").GetString()!, "--save", dir, "--report", .. emulator.ConnectionArguments()]);
        Assert.True(first.ExitCode == 0, first.ToString());
        string[] files = Directory.GetFiles(Path.Combine(dir, "images"));
        Assert.True(files.Length >= 13, string.Join('\n', files));
        DateTime[] written = [.. files.Select(File.GetLastWriteTimeUtc)];

        CliResult second = await CliProcess.RunAsync(["result", ids.GetProperty("scanId").GetString()!, ids.GetProperty("predictionId").GetString()!, "--save", dir, .. emulator.ConnectionArguments()]);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(written, files.Select(File.GetLastWriteTimeUtc));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task A_timed_out_analyze_with_save_prints_a_resume_command_that_saves_and_reports()
    {
        await using LocalEmulator emulator = await LocalEmulator.StartAsync(TimeSpan.FromSeconds(8));
        using var output = new TempFolder();
        string dir = Path.Combine(output.Path, "saved");

        CliResult timedOut = await CliProcess.RunAsync(["analyze", Sample, "--save", dir, "--report", "--json", "--timeout", "3s", .. emulator.ConnectionArguments()]);

        Assert.True(timedOut.ExitCode == 5, timedOut.ToString());
        JsonElement ids = timedOut.Json();
        string scanId = ids.GetProperty("scanId").GetString()!;
        string predictionId = ids.GetProperty("predictionId").GetString()!;
        string hint = Assert.Single(timedOut.StderrLines, line => line.Contains("Resume with:", StringComparison.Ordinal));
        Assert.Contains($"skinlite result {scanId} {predictionId} --wait --save {dir} --report ", hint);

        CliResult resumed = await CliProcess.RunAsync(["result", scanId, predictionId, "--wait", "--save", dir, "--report", .. emulator.ConnectionArguments()]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task Report_command_rewrites_a_saved_folders_report_and_renders_a_bare_document()
    {
        using var output = new TempFolder();
        string dir = Path.Combine(output.Path, "out");
        CliResult saved = await CliProcess.RunAsync("analyze", Sample, "--save", dir, "--quiet");
        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.False(File.Exists(Path.Combine(dir, "report.html")));

        CliResult folder = await CliProcess.RunAsync("report", dir);
        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.Contains("data:image/png;base64,", File.ReadAllText(Path.Combine(dir, "report.html")));

        string document = Path.Combine(output.Path, "copy.json");
        File.Copy(Path.Combine(dir, "document.json"), document);
        CliResult bare = await CliProcess.RunAsync("report", document, "-o", Path.Combine(output.Path, "bare.html"));
        Assert.True(bare.ExitCode == 0, bare.ToString());
        string html = File.ReadAllText(Path.Combine(output.Path, "bare.html"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("missing-folder", "does not exist")]
    [InlineData("empty-folder", "holds no saved analysis")]
    [InlineData("not-json.json", "Cannot report")]
    public async Task Report_command_refuses_what_is_not_a_saved_analysis_or_a_document(string name, string expected)
    {
        using var output = new TempFolder();
        string input = Path.Combine(output.Path, name);
        if (name == "empty-folder")
        {
            Directory.CreateDirectory(input);
        }
        else if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            File.WriteAllText(input, "<html>not a document</html>");
        }

        CliResult run = await CliProcess.RunAsync("report", input);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr);
        Assert.Empty(Directory.GetFiles(output.Path, "*.html", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Batch_with_report_saves_each_analysis_and_writes_an_index_linking_every_image()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x40));
        input.Write("b.png", TestPng.Create(1024, 1024, shade: 0x41));
        input.Write("no-face.png", TestPng.Create(1024, 1024, shade: 0x42, trailer: SkinAnalysisEmulator.NoFaceMarker));
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--report", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        string saved = Path.Combine(outDir, "saved");
        string index = File.ReadAllText(Path.Combine(saved, "index.html"));
        string[] folders = Directory.GetDirectories(saved);
        Assert.Equal(3, folders.Length);
        foreach (string folder in folders)
        {
            Assert.True(File.Exists(Path.Combine(folder, "manifest.json")), folder);
            Assert.True(File.Exists(Path.Combine(folder, "report.html")), folder);
            Assert.Contains(Path.GetFileName(folder) + "/report.html", index);
        }

        Assert.DoesNotContain("src=\"http", index, StringComparison.OrdinalIgnoreCase);

        // A rerun resumes: it pays for nothing and downloads nothing again, and writes the index again.
        DateTime[] before = [.. Directory.GetFiles(saved, "*.png", SearchOption.AllDirectories).Order().Select(File.GetLastWriteTimeUtc)];
        CliResult again = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--report", "--quiet");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, Directory.GetFiles(saved, "*.png", SearchOption.AllDirectories).Order().Select(File.GetLastWriteTimeUtc));
        Assert.True(File.Exists(Path.Combine(saved, "index.html")));
    }

    private static HashSet<string> EmbeddedImageHashes(string html) =>
        [.. Regex.Matches(html, "data:image/png;base64,([A-Za-z0-9+/=]+)")
            .Select(match => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(match.Groups[1].Value))))];
}
