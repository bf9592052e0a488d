using System.Text;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>analyze over real HTTP: the emulator server on 127.0.0.1, reached through --base-url or the environment.</summary>
public sealed class AnalyzeAgainstServerTests : IAsyncLifetime
{
    private const string Sample = "samples/face.png";
    private LocalEmulator _server = null!;

    public async Task InitializeAsync() => _server = await LocalEmulator.StartAsync(TimeSpan.FromSeconds(1));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Analyze_with_base_url_succeeds_over_http_and_uses_no_built_in_emulator()
    {
        CliResult run = await CliProcess.RunAsync(["analyze", Sample, "--json", .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("succeeded", json.GetProperty("outcome").GetString());
        Assert.Equal(LocalEmulator.AppId, json.GetProperty("appId").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("scanId").GetString()));
        Assert.DoesNotContain("built-in emulator", run.Stderr);
    }

    [Fact]
    public async Task Analyze_reads_the_connection_from_environment_variables()
    {
        var environment = new Dictionary<string, string>
        {
            ["SKINLITE_BASE_URL"] = _server.BaseAddress.ToString(),
            ["SKINLITE_ACCESS_KEY"] = "skinlite-emulator-key",
            ["SKINLITE_APP_ID"] = LocalEmulator.AppId,
        };

        CliResult run = await CliProcess.RunAsync(["analyze", Sample, "--json"], environment, null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(LocalEmulator.AppId, run.Json().GetProperty("appId").GetString());
        Assert.DoesNotContain("built-in emulator", run.Stderr);
    }

    [Fact]
    public async Task Analyze_on_the_transformation_family_needs_no_app_id_and_has_no_scan_id()
    {
        CliResult run = await CliProcess.RunAsync("analyze", Sample, "--json", "--api", "transformation", "--base-url", _server.BaseAddress.ToString(), "--access-key", "skinlite-emulator-key");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("succeeded", json.GetProperty("outcome").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("scanId").ValueKind);
    }

    [Fact]
    public async Task A_refused_key_is_exit_code_6_and_the_key_is_never_echoed()
    {
        const string key = "not-the-emulator-key-4711";

        CliResult run = await CliProcess.RunAsync(["analyze", Sample, .. _server.ConnectionArguments(key)]);

        Assert.True(run.ExitCode == 6, run.ToString());
        string line = Assert.Single(run.StderrLines, l => !l.StartsWith("skinlite: submitted", StringComparison.Ordinal) && !l.Contains("poll", StringComparison.Ordinal));
        Assert.Contains("Authentication failed", line);
        // The hint names the flag a command-line user has, not the library's C# property.
        Assert.Contains("--send-key-as-is", line);
        Assert.DoesNotContain("SendCredentialAsIs", line);
        string all = run.Stdout + run.Stderr;
        Assert.DoesNotContain(key, all);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(key)), all);
    }

    public static TheoryData<string, string> ServiceRejections => new()
    {
        { "small", "resolutionTooSmall" },
        { "huge-resolution", "resolutionTooLarge" },
        { "gif", "unsupportedFormat" },
        { "over-5mb", "fileTooLarge" },
        { "no-face", "noFaceDetected" },
    };

    [Theory]
    [MemberData(nameof(ServiceRejections))]
    public async Task Each_service_rejection_is_exit_code_3_with_its_reason(string kind, string reason)
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = kind switch
        {
            "small" => files.Write("small.png", TestPng.Create(512, 512)),
            "huge-resolution" => files.Write("huge.png", TestPng.Create(2100, 2100)),
            "gif" => files.Write("photo.gif", TestImages.Gif()),
            "over-5mb" => files.Write("big.png", TestPng.Create(1024, 1024, padding: 5 * 1024 * 1024 + 1)),
            _ => files.Write("no-face.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker)),
        };

        // --no-preflight: the image reaches the service, which is what rejects it here.
        CliResult run = await CliProcess.RunAsync(["analyze", path, "--json", "--no-preflight", .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 3, run.ToString());
        var json = run.Json();
        Assert.Equal("rejected", json.GetProperty("outcome").GetString());
        Assert.Equal(reason, json.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_corrupt_image_sent_without_preflight_is_rejected_as_unreadable_or_corrupt()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        byte[] png = TestPng.Create(1024, 1024);
        string path = files.Write("corrupt.png", [.. png.AsSpan(0, 40), .. new byte[200]]);

        CliResult run = await CliProcess.RunAsync(["analyze", path, "--json", "--no-preflight", .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(run.Json().GetProperty("reason").GetString(), new[] { "corruptImage", "unreadableImage" });
    }

    [Fact]
    public async Task A_rejection_in_human_mode_is_one_stderr_line_and_nothing_on_stdout()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = files.Write("no-face.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker));

        CliResult run = await CliProcess.RunAsync(["analyze", path, "--quiet", .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("rejected the image (noFaceDetected): No face detected", line);
    }

    [Fact]
    public async Task The_progress_of_a_rejection_ends_rejected_and_never_shows_success()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = files.Write("no-face.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker));

        CliResult run = await CliProcess.RunAsync(["analyze", path, .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.DoesNotContain("SUCCESS", run.Stderr);
        string[] progress = [.. run.StderrLines.Where(line => line.Contains(" poll", StringComparison.Ordinal))];
        Assert.StartsWith("skinlite: rejected  ", progress[^1]);
        Assert.Contains("rejected the image (noFaceDetected)", run.StderrLines[^1]);
    }

    [Fact]
    public async Task The_progress_of_a_failed_job_ends_failed()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = files.Write("fail.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.FailureMarker));

        CliResult run = await CliProcess.RunAsync(["analyze", path, .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 4, run.ToString());
        string[] progress = [.. run.StderrLines.Where(line => line.Contains(" poll", StringComparison.Ordinal))];
        Assert.StartsWith("skinlite: failed  ", progress[^1]);
    }

    [Fact]
    public async Task A_failed_job_is_exit_code_4_with_the_service_error()
    {
        using var files = new TempFolder("skinlite-cli-tests-");
        string path = files.Write("fail.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.FailureMarker));

        CliResult run = await CliProcess.RunAsync(["analyze", path, "--json", .. _server.ConnectionArguments()]);

        Assert.True(run.ExitCode == 4, run.ToString());
        var json = run.Json();
        Assert.Equal("failed", json.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
    }
}
