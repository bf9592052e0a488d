using System.Text;
using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>What skinlite batch reads: the samples folder, a list file, stdin; and the inputs it refuses before sending anything.</summary>
public sealed class BatchInputTests
{
    [Fact]
    public async Task Batch_of_the_samples_folder_from_the_repository_root_works_with_no_credentials_and_takes_only_images()
    {
        using var output = new TempFolder();
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", "samples/", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(run.StderrLines, line => line.StartsWith("skinlite: batch done after ", StringComparison.Ordinal) && line.Contains(": 1 image,", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, line => line == "1 succeeded");
        Assert.Equal(RepositoryRoot.File("samples/face.png"), Assert.Single(BatchTests.ResultLines(outDir)).GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_list_file_skips_blank_lines_and_comments_and_resolves_paths_against_its_own_folder()
    {
        using var folder = new TempFolder();
        using var output = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "photos"));
        File.WriteAllBytes(Path.Combine(folder.Path, "photos", "one.png"), TestPng.Create(1024, 1024, shade: 0x41));
        string two = folder.Write("two.png", TestPng.Create(1024, 1024, shade: 0x42));
        string list = folder.Write("todo.txt", Encoding.UTF8.GetBytes($"# the photos\n\nphotos/one.png\n  {two}  \n"));

        CliResult run = await CliProcess.RunAsync("batch", list, "--out", output.Path, "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [Path.Combine(folder.Path, "photos", "one.png"), two],
            BatchTests.ResultLines(output.Path).Select(l => l.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_dash_reads_the_paths_from_stdin()
    {
        using var folder = new TempFolder();
        using var output = new TempFolder();
        string one = folder.Write("one.png", TestPng.Create(1024, 1024, shade: 0x43));
        string two = folder.Write("two.png", TestPng.Create(1024, 1024, shade: 0x44));

        CliResult run = await CliProcess.RunAsync(["batch", "-", "--out", output.Path, "--json", "--quiet"], null, Encoding.UTF8.GetBytes($"{one}\n{two}\n"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Json().GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.Equal([one, two], BatchTests.ResultLines(output.Path).Select(l => l.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_folder_is_exit_2_with_nothing_created()
    {
        using var output = new TempFolder();
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", "no/such/folder", "--out", outDir);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("skinlite: There is no folder or list file at 'no/such/folder': give a folder of images, a file listing image paths (one a line), or - for stdin.", Assert.Single(run.StderrLines));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task An_out_that_is_a_file_is_exit_2()
    {
        using var output = new TempFolder();
        string file = output.Write("results", "x"u8.ToArray());

        CliResult run = await CliProcess.RunAsync("batch", "samples/", "--out", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"skinlite: --out '{file}' is a file; give a folder (it is created if missing). Nothing was sent.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Resume_without_a_journal_is_exit_2_and_creates_nothing()
    {
        using var output = new TempFolder();
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", "samples/", "--out", outDir, "--resume");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"skinlite: --resume: there is no batch journal at '{Path.Combine(outDir, "journal.jsonl")}' to resume; run without --resume to start the batch. Nothing was sent.", Assert.Single(run.StderrLines));
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--concurrency", "0", "Invalid --concurrency '0': expected a whole number from 1 to 256.")]
    [InlineData("--max-analyses", "-1", "Invalid --max-analyses '-1': expected a whole number 0 or more.")]
    [InlineData("--max-credits", "lots", "Invalid --max-credits 'lots': expected a whole number 0 or more.")]
    public async Task A_bad_number_is_exit_2_naming_the_option(string option, string value, string expected)
    {
        using var output = new TempFolder();

        CliResult run = await CliProcess.RunAsync("batch", "samples/", "--out", output.Path, option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"skinlite: {expected} See 'skinlite batch --help'.", Assert.Single(run.StderrLines));
        Assert.False(File.Exists(Path.Combine(output.Path, "journal.jsonl")));
    }
}
