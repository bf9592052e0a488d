using System.Text.Json;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>skinlite batch against the emulator server on 127.0.0.1: the account's usage limit and a refused key stop it early with exit 8.</summary>
public sealed class BatchAgainstServerTests
{
    [Fact]
    public async Task The_usage_limit_stops_submitting_with_exit_8_and_a_resume_command_without_the_key()
    {
        await using LocalEmulator server = await LocalEmulator.StartAsync(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 1 });
        using var input = new TempFolder();
        using var output = new TempFolder();
        for (int i = 0; i < 3; i++)
        {
            input.Write($"face-{i}.png", TestPng.Create(1024, 1024, shade: (byte)(0x70 + i)));
        }

        CliResult run = await CliProcess.RunAsync(["batch", input.Path, "--out", output.Path, "--json", "--quiet", "--concurrency", "1", .. server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 8, run.ToString());
        JsonElement summary = run.Json();
        Assert.Equal("incomplete", summary.GetProperty("outcome").GetString());
        Assert.Equal("usageLimit", summary.GetProperty("stoppedBy").GetString());
        Assert.Equal(1, summary.GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.Equal(2, summary.GetProperty("notSubmittedReasons").GetProperty("usageLimit").GetInt32());
        string resume = summary.GetProperty("resume").GetString()!;
        Assert.StartsWith($"skinlite batch {input.Path} --out {output.Path} --resume --concurrency 1 --app-id {LocalEmulator.AppId} --base-url ", resume, StringComparison.Ordinal);
        Assert.DoesNotContain(SkinAnalysisEmulator.DefaultCredential, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, BatchTests.ResultLines(output.Path).Count(l => l.GetProperty("stopReason").GetString() == "usageLimit"));
    }

    [Fact]
    public async Task A_refused_key_sends_nothing_more_and_exits_8()
    {
        await using LocalEmulator server = await LocalEmulator.StartAsync(new EmulatorOptions { ProcessingTime = TimeSpan.Zero });
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.Write("a.png", TestPng.Create(1024, 1024, shade: 0x75));
        input.Write("b.png", TestPng.Create(1024, 1024, shade: 0x76));
        string wrongKey = new('k', 36);

        CliResult run = await CliProcess.RunAsync(["batch", input.Path, "--out", output.Path, "--json", "--quiet", .. server.ConnectionArguments(wrongKey)]);

        Assert.True(run.ExitCode == 8, run.ToString());
        JsonElement summary = run.Json();
        Assert.Equal("authentication", summary.GetProperty("stoppedBy").GetString());
        Assert.Equal(2, summary.GetProperty("outcomes").GetProperty("notSubmitted").GetInt32());
        Assert.Equal(0, summary.GetProperty("outcomes").GetProperty("succeeded").GetInt32());
        Assert.DoesNotContain(wrongKey, run.Stdout + run.Stderr + File.ReadAllText(Path.Combine(output.Path, "results.jsonl")), StringComparison.Ordinal);
    }
}
