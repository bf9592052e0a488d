using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>batch --save and --report when the batch is cut short, and skinlite report over a batch's folders.</summary>
public sealed class SaveAndReportBatchTests
{
    [Fact]
    public async Task Ctrl_c_with_save_lets_jobs_in_flight_finish_in_the_grace_and_exits_130_with_the_summary()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        for (int i = 0; i < 12; i++)
        {
            input.Write($"face-{i}.png", TestPng.Create(1024, 1024, shade: (byte)(0x60 + i)));
        }

        string outDir = Path.Combine(output.Path, "out");
        string journal = Path.Combine(outDir, "journal.jsonl");
        using System.Diagnostics.Process process = CliProcess.Start(["batch", input.Path, "--out", outDir, "--save", Path.Combine(output.Path, "saved")]);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // The built-in emulator's jobs take 2 s: the first submitted one finishes within the grace, after Ctrl-C, and
        // its document then arrives while the batch is cancelled.
        await BatchInterrupt.AfterFirstSubmitAsync(process, journal, limit.Token);
        await process.WaitForExitAsync(limit.Token);
        string errors = await stderr;
        await stdout;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{errors}");
        Assert.Contains("batch cancelled after ", errors, StringComparison.Ordinal);
        Assert.Contains("Saving stopped by Ctrl-C", errors, StringComparison.Ordinal);
        Assert.Contains(BatchTests.ResultLines(outDir), line => line.GetProperty("outcome").GetString() == "succeeded");
    }

    [Fact]
    public async Task Report_on_a_batch_out_folder_points_at_its_saved_folder_whose_index_keeps_the_batch_title()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x50));
        string outDir = Path.Combine(output.Path, "out");
        CliResult batch = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--report", "--quiet");
        Assert.True(batch.ExitCode == 0, batch.ToString());
        string saved = Path.Combine(outDir, "saved");
        Assert.Contains("Batch (emulated)", File.ReadAllText(Path.Combine(saved, "index.html")));

        CliResult onOut = await CliProcess.RunAsync("report", outDir);
        CliResult onSaved = await CliProcess.RunAsync("report", saved);

        Assert.True(onOut.ExitCode == 2, onOut.ToString());
        Assert.Contains($"skinlite report {saved}", onOut.Stderr);
        Assert.True(onSaved.ExitCode == 0, onSaved.ToString());
        Assert.Contains("Batch (emulated)", File.ReadAllText(Path.Combine(saved, "index.html")));
    }

    [Fact]
    public async Task Report_on_a_batch_out_folder_without_saved_analyses_says_how_to_save_them()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x51));
        string outDir = Path.Combine(output.Path, "out");
        CliResult batch = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--quiet");
        Assert.True(batch.ExitCode == 0, batch.ToString());

        CliResult onOut = await CliProcess.RunAsync("report", outDir);

        Assert.True(onOut.ExitCode == 2, onOut.ToString());
        Assert.Contains("batch's --out folder", onOut.Stderr);
        Assert.Contains("--save DIR", onOut.Stderr);
    }

    [Fact]
    public async Task A_rerun_with_save_after_a_run_without_saves_from_documents_and_names_an_image_whose_document_is_gone()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x52));
        input.Write("b.png", TestPng.Create(1024, 1024, shade: 0x53));
        string outDir = Path.Combine(output.Path, "out");
        CliResult first = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());
        string gone = Assert.Single(Directory.GetFiles(Path.Combine(outDir, "documents"), "b.png-*.json"));
        File.Delete(gone);
        string saved = Path.Combine(output.Path, "saved");

        CliResult again = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--save", saved, "--quiet");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(File.Exists(Path.Combine(Assert.Single(Directory.GetDirectories(saved)), "manifest.json")));
        Assert.Contains(again.StderrLines, line => line.Contains("b.png: not saved: its document documents/b.png-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_on_a_saved_batch_leaves_out_a_damaged_folder_and_indexes_the_others()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x54));
        input.Write("b.png", TestPng.Create(1024, 1024, shade: 0x55));
        string outDir = Path.Combine(output.Path, "out");
        CliResult batch = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--report", "--quiet");
        Assert.True(batch.ExitCode == 0, batch.ToString());
        string saved = Path.Combine(outDir, "saved");
        string damaged = Assert.Single(Directory.GetDirectories(saved, "b.png-*"));
        File.WriteAllText(Path.Combine(damaged, "manifest.json"), "{ not json");

        CliResult run = await CliProcess.RunAsync("report", saved);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Left out of the index: '{damaged}'", run.Stderr);
        string index = File.ReadAllText(Path.Combine(saved, "index.html"));
        Assert.Contains(Path.GetFileName(Assert.Single(Directory.GetDirectories(saved, "a.png-*"))) + "/report.html", index);
    }

    [Fact]
    public async Task A_save_folder_that_is_a_file_is_refused_before_the_out_folder_is_made()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x56));
        string file = output.Write("taken", [1, 2, 3]);
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--save", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--save", run.Stderr);
        Assert.Contains("is a file", run.Stderr);
        Assert.False(Directory.Exists(outDir));
    }
}
