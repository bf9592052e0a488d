using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>The README's first command: analyze with nothing configured uses the in-process emulator and says so.</summary>
public sealed class AnalyzeOnBuiltInEmulatorTests
{
    private const string Sample = "samples/face.png";

    [Fact]
    public async Task Analyze_without_configuration_prints_the_human_report_and_one_emulator_notice()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Sample);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Skin analysis (emulated", run.Stdout);
        Assert.Contains("Overall score", run.Stdout);
        Assert.Contains("Concerns", run.Stdout);
        Assert.Contains("prediction ", run.Stdout);
        Assert.Single(run.StderrLines, line => line.Contains("built-in emulator", StringComparison.Ordinal));
        // stderr is not a terminal here: progress comes as plain lines with the poll count.
        Assert.Contains(run.StderrLines, line => line.StartsWith("skinlite: submitted: prediction ", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, line => line.Contains("SUCCESS", StringComparison.Ordinal) && line.Contains("poll", StringComparison.Ordinal));
        Assert.DoesNotContain("\e[", run.Stdout); // no colour when stdout is not a terminal
    }

    [Fact]
    public async Task Analyze_json_prints_exactly_one_object_with_the_stable_fields()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Sample, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("succeeded", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("emulated").GetBoolean());
        Assert.Equal("skinlite-emulator-app", json.GetProperty("appId").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("predictionId").GetString()));
        Assert.Equal("SUCCESS", json.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        var result = json.GetProperty("result");
        Assert.InRange(result.GetProperty("totalSkinScore").GetInt32(), 0, 100);
        Assert.True(result.GetProperty("concerns").GetArrayLength() > 0);
        Assert.True(result.GetProperty("concerns")[0].TryGetProperty("techName", out _));
    }

    [Fact]
    public async Task Quiet_leaves_only_the_emulator_notice_on_stderr()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Sample, "--json", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("built-in emulator", line);
    }

    [Fact]
    public async Task Emulator_option_wins_over_a_configured_key_and_base_url()
    {
        var environment = new Dictionary<string, string>
        {
            ["SKINLITE_ACCESS_KEY"] = "a-real-looking-key",
            ["SKINLITE_BASE_URL"] = "http://127.0.0.1:1",
            ["SKINLITE_APP_ID"] = "some-app",
        };

        CliResult run = await CliProcess.RunAsync(["analyze", Sample, "--emulator", "--json"], environment, null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Json().GetProperty("emulated").GetBoolean());
        Assert.Contains(run.StderrLines, line => line.Contains("--emulator was given", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_no_face_marker_is_a_rejection_with_exit_code_3()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = files.Write("no-face.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker));

        CliResult run = await CliProcess.RunAsync("analyze", path, "--json");

        Assert.True(run.ExitCode == 3, run.ToString());
        var json = run.Json();
        Assert.Equal("rejected", json.GetProperty("outcome").GetString());
        Assert.Equal("noFaceDetected", json.GetProperty("reason").GetString());
        Assert.Equal("No face detected", json.GetProperty("message").GetString());
    }
}
