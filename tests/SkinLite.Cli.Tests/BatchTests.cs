using System.Text.Json;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>skinlite batch on the built-in emulator: the output folder, a resume that pays for nothing, the budget's early stop.</summary>
public sealed class BatchTests
{
    [Fact]
    public async Task A_folder_batch_writes_the_journal_a_document_per_image_and_one_result_line_and_row_per_image()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        Faces(input, 3);
        input.Write("no-face.png", TestPng.Create(1024, 1024, shade: 0x30, trailer: SkinAnalysisEmulator.NoFaceMarker));
        input.Write("notes.txt", "not an image"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(input.Path, ".cache"));
        File.WriteAllBytes(Path.Combine(input.Path, ".cache", "hidden.png"), TestPng.Create(1024, 1024, shade: 0x31));
        // A project's build output is skipped; a folder merely called bin is not.
        Directory.CreateDirectory(Path.Combine(input.Path, "app", "bin", "Debug"));
        File.WriteAllText(Path.Combine(input.Path, "app", "app.csproj"), "<Project />");
        File.WriteAllBytes(Path.Combine(input.Path, "app", "bin", "Debug", "copy.png"), TestPng.Create(1024, 1024, shade: 0x32));
        Directory.CreateDirectory(Path.Combine(input.Path, "bin"));
        File.WriteAllBytes(Path.Combine(input.Path, "bin", "kept.png"), TestPng.Create(1024, 1024, shade: 0x33));
        string outDir = Path.Combine(output.Path, "out");

        CliResult run = await CliProcess.RunAsync("batch", input.Path, "--out", outDir, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement summary = run.Json();
        Assert.Equal("complete", summary.GetProperty("outcome").GetString());
        Assert.Equal(5, summary.GetProperty("images").GetInt32());
        Assert.Equal(4, summary.GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.Equal(1, summary.GetProperty("outcomes").GetProperty("rejected").GetInt32());
        Assert.Equal(1, summary.GetProperty("reasons").GetProperty("noFaceDetected").GetInt32());
        Assert.Equal(5, summary.GetProperty("analysesPaid").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("resume").ValueKind);
        Assert.Single(run.StderrLines, line => line.Contains("built-in emulator", StringComparison.Ordinal));

        Assert.True(File.Exists(Path.Combine(outDir, "journal.jsonl")));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(outDir, "documents"), "*.json").Length);
        JsonElement[] lines = ResultLines(outDir);
        Assert.Equal(5, lines.Length);
        Assert.Equal(5, lines.Select(l => l.GetProperty("path").GetString()).Distinct().Count());
        Assert.DoesNotContain(lines, l => l.GetProperty("path").GetString()!.Contains(".cache", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.GetProperty("path").GetString()!.Contains("copy.png", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.GetProperty("path").GetString() == Path.Combine(input.Path, "bin", "kept.png"));
        JsonElement rejected = Assert.Single(lines, l => l.GetProperty("outcome").GetString() == "rejected");
        Assert.Equal(Path.Combine(input.Path, "no-face.png"), rejected.GetProperty("path").GetString());
        Assert.Equal("noFaceDetected", rejected.GetProperty("reason").GetString());
        foreach (JsonElement line in lines)
        {
            Assert.True(File.Exists(Path.Combine(outDir, line.GetProperty("document").GetString()!)), line.ToString());
        }

        Assert.Equal(6, File.ReadAllLines(Path.Combine(outDir, "results.csv")).Length);
    }

    [Fact]
    public async Task A_second_run_over_the_same_folder_resumes_submits_nothing_and_keeps_one_full_line_per_image()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        Faces(input, 3);
        CliResult first = await CliProcess.RunAsync("batch", input.Path, "--out", output.Path, "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());
        string journal = Path.Combine(output.Path, "journal.jsonl");
        int submitsBefore = Submits(journal);
        string[] linesBefore = File.ReadAllLines(Path.Combine(output.Path, "results.jsonl"));

        CliResult second = await CliProcess.RunAsync("batch", input.Path, "--out", output.Path, "--resume", "--json");

        Assert.True(second.ExitCode == 0, second.ToString());
        JsonElement summary = second.Json();
        Assert.Equal(0, summary.GetProperty("analysesPaid").GetInt32());
        Assert.Equal(3, summary.GetProperty("fromEarlierRuns").GetInt32());
        Assert.Equal(3, summary.GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.Equal(submitsBefore, Submits(journal));
        // Rebuilt from the journal and the saved documents: the same lines, the analysis included.
        string[] linesAfter = File.ReadAllLines(Path.Combine(output.Path, "results.jsonl"));
        Assert.Equal(linesBefore.Order(StringComparer.Ordinal), linesAfter.Order(StringComparer.Ordinal));
        Assert.All(ResultLines(output.Path), line => Assert.Equal(JsonValueKind.Object, line.GetProperty("result").ValueKind));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(output.Path, "results.csv")).Length);
    }

    [Fact]
    public async Task Max_analyses_stops_early_with_exit_8_lists_the_images_not_submitted_and_says_how_to_resume()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        Faces(input, 4);

        CliResult run = await CliProcess.RunAsync("batch", input.Path, "--out", output.Path, "--max-analyses", "1");

        Assert.True(run.ExitCode == 8, run.ToString());
        Assert.Contains(run.StderrLines, line => line == "1 succeeded, 3 not submitted");
        Assert.Contains(run.StderrLines, line => line == "not submitted: 3 (the --max-analyses or --max-credits budget was reached: 3)");
        Assert.Contains(run.StderrLines, line => line == $"Resume with: skinlite batch {input.Path} --out {output.Path} --resume --max-analyses 1");
        JsonElement[] lines = ResultLines(output.Path);
        Assert.Equal(3, lines.Count(l => l.GetProperty("outcome").GetString() == "notSubmitted" && l.GetProperty("stopReason").GetString() == "budget"));
        Assert.Equal(1, Submits(Path.Combine(output.Path, "journal.jsonl")));

        CliResult rest = await CliProcess.RunAsync("batch", input.Path, "--out", output.Path, "--resume", "--json", "--quiet");

        Assert.True(rest.ExitCode == 0, rest.ToString());
        Assert.Equal(3, rest.Json().GetProperty("analysesPaid").GetInt32());
        Assert.All(ResultLines(output.Path), l => Assert.Equal("succeeded", l.GetProperty("outcome").GetString()));
        Assert.Equal(4, ResultLines(output.Path).Length);
    }

    [Fact]
    public async Task The_CSV_has_the_documented_header_and_a_row_per_image_with_the_scores()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        string face = input.Write("a,b \"quoted\".png", TestPng.Create(1024, 1024, shade: 0x51));

        CliResult run = await CliProcess.RunAsync("batch", input.Path, "--out", output.Path, "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] csv = File.ReadAllLines(Path.Combine(output.Path, "results.csv"));
        Assert.Equal(
            "path,outcome,reason,total_score,skin_type,skin_tone,skin_age,acne,wrinkles,pores,scars,hydration,pigmentation,dark_circles,eye_bags,whiteheads,redness,under_eye,post_acne_scars",
            csv[0]);
        JsonElement line = Assert.Single(ResultLines(output.Path));
        JsonElement result = line.GetProperty("result");
        string expectedStart = $"\"{face.Replace("\"", "\"\"", StringComparison.Ordinal)}\",succeeded,,{result.GetProperty("totalSkinScore").GetInt32()},{result.GetProperty("skinType").GetString()},{result.GetProperty("skinTone").GetString()},{result.GetProperty("skinAge").GetInt32()},";
        Assert.StartsWith(expectedStart, csv[1], StringComparison.Ordinal);
        int acne = result.GetProperty("concerns").EnumerateArray().Single(c => c.GetProperty("techName").GetString() == "acne").GetProperty("value").GetInt32();
        Assert.StartsWith(expectedStart + acne.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_results_line_is_the_analyze_json_object_plus_the_path_and_the_batch_fields()
    {
        using var output = new TempFolder();
        CliResult analyze = await CliProcess.RunAsync("analyze", "samples/face.png", "--json", "--quiet");
        Assert.True(analyze.ExitCode == 0, analyze.ToString());

        CliResult run = await CliProcess.RunAsync("batch", "samples/", "--out", output.Path, "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement line = Assert.Single(ResultLines(output.Path));
        string[] analyzeNames = [.. analyze.Json().EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["path", .. analyzeNames, "contentHash", "credits", "stopReason", "note", "document"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(RepositoryRoot.File("samples/face.png"), line.GetProperty("path").GetString());
        Assert.Equal("succeeded", line.GetProperty("outcome").GetString());
        Assert.Equal(
            analyze.Json().GetProperty("result").EnumerateObject().Select(p => p.Name),
            line.GetProperty("result").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Ctrl_c_stops_submitting_writes_what_it_has_says_how_to_resume_and_exits_130()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        Faces(input, 20);
        string journal = Path.Combine(output.Path, "journal.jsonl");
        using System.Diagnostics.Process process = CliProcess.Start(["batch", input.Path, "--out", output.Path, "--grace", "0s"]);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The built-in emulator's jobs take 2 s: the first submitted one is still running when Ctrl-C comes. With no
        // grace, a submit cut in flight is uncertain (it may have reached the service).
        await BatchInterrupt.AfterFirstSubmitAsync(process, journal, limit.Token);
        await process.WaitForExitAsync(limit.Token);
        string errors = await stderr;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{errors}");
        Assert.Equal(string.Empty, await stdout);
        Assert.Contains("skinlite: batch cancelled after ", errors, StringComparison.Ordinal);
        Assert.Contains($"Resume with: skinlite batch {input.Path} --out {output.Path} --resume", errors, StringComparison.Ordinal);
        JsonElement[] lines = ResultLines(output.Path);
        Assert.Contains(lines, l => l.GetProperty("outcome").GetString() is "unfinished" or "uncertain" or "notSubmitted");
        Assert.All(lines, l => Assert.Contains(l.GetProperty("outcome").GetString(), new[] { "succeeded", "unfinished", "uncertain", "notSubmitted" }));
        Assert.Equal(lines.Length, lines.Select(l => l.GetProperty("path").GetString()).Distinct().Count());
    }

    private static void Faces(TempFolder folder, int count)
    {
        for (int i = 0; i < count; i++)
        {
            folder.Write($"face-{i}.png", TestPng.Create(1024, 1024, shade: (byte)(0x60 + i)));
        }
    }

    internal static JsonElement[] ResultLines(string outDir) =>
        [.. File.ReadAllLines(Path.Combine(outDir, "results.jsonl")).Select(line =>
        {
            using JsonDocument document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];

    private static int Submits(string journal) =>
        File.ReadAllLines(journal).Count(line => line.Contains("\"record\":\"submitting\"", StringComparison.Ordinal));
}
