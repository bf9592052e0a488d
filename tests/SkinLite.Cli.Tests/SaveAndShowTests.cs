using System.Text.Json;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>
/// Issue 12: show reads skinlite's own --json output as well as the service's documents, and --save-document writes
/// the service's final document so that show reproduces the analysis.
/// </summary>
public sealed class SaveAndShowTests : IAsyncLifetime
{
    private const string Sample = "samples/face.png";
    private readonly TempFolder _files = new("skinlite-cli-tests-");
    private LocalEmulator _server = null!;

    public async Task InitializeAsync() => _server = await LocalEmulator.StartAsync(TimeSpan.FromSeconds(1));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Show_prints_a_saved_json_report_as_analyze_did()
    {
        CliResult analyzed = await CliProcess.RunAsync("analyze", Sample, "--json");
        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        string saved = _files.Write("report.json", System.Text.Encoding.UTF8.GetBytes(analyzed.Stdout));

        CliResult asJson = await CliProcess.RunAsync("show", saved, "--json");
        CliResult human = await CliProcess.RunAsync("show", saved);

        Assert.True(asJson.ExitCode == 0, asJson.ToString());
        Assert.Equal(analyzed.Stdout, asJson.Stdout);
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("Skin analysis (emulated", human.Stdout);
        Assert.Contains("Overall score", human.Stdout);
    }

    [Theory]
    [InlineData("rejected", 3)]
    [InlineData("failed", 4)]
    [InlineData("timeout", 5)]
    [InlineData("pending", 5)]
    [InlineData("unknown", 7)]
    public async Task A_saved_json_report_gives_the_exit_code_of_its_outcome(string outcome, int code)
    {
        byte[] report = System.Text.Encoding.UTF8.GetBytes($$"""{"outcome":"{{outcome}}","predictionId":"p1","status":"SUCCESS","message":"recorded message","result":null,"emulated":false,"jobMayExist":false}""");

        CliResult run = await CliProcess.RunAsync(["show", "-"], null, report);

        Assert.True(run.ExitCode == code, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.DoesNotContain("no output object", run.Stderr);
    }

    [Fact]
    public async Task A_saved_json_report_with_an_unknown_outcome_is_bad_input()
    {
        CliResult run = await CliProcess.RunAsync(["show", "-"], null, """{"outcome":"exploded"}"""u8.ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("outcome is not one of", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Analyze_save_document_writes_the_service_document_that_show_reproduces()
    {
        string saved = Path.Combine(_files.Path, "saved.json");

        CliResult analyzed = await CliProcess.RunAsync(["analyze", Sample, "--json", "--save-document", saved, .. _server.ConnectionArguments()]);

        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        Assert.False(File.Exists(saved + ".tmp"));
        using (JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(saved)))
        {
            Assert.Equal("SUCCESS", document.RootElement.GetProperty("status").GetString());
            Assert.False(document.RootElement.TryGetProperty("outcome", out _));
        }

        CliResult shown = await CliProcess.RunAsync("show", saved, "--json");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        AssertSameAnalysis(analyzed.Json(), shown.Json());
    }

    [Fact]
    public async Task A_rejection_saved_by_analyze_shows_as_the_same_rejection()
    {
        string image = _files.Write("no-face.png", TestPng.Create(1024, 1024, trailer: SkinAnalysisEmulator.NoFaceMarker));
        string saved = Path.Combine(_files.Path, "rejected.json");

        CliResult analyzed = await CliProcess.RunAsync(["analyze", image, "--json", "--save-document", saved, .. _server.ConnectionArguments()]);
        CliResult shown = await CliProcess.RunAsync("show", saved, "--json");

        Assert.True(analyzed.ExitCode == 3, analyzed.ToString());
        Assert.True(shown.ExitCode == 3, shown.ToString());
        Assert.Equal(analyzed.Json().GetProperty("reason").GetString(), shown.Json().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Result_save_document_writes_the_document_too()
    {
        CliResult analyzed = await CliProcess.RunAsync(["analyze", Sample, "--json", .. _server.ConnectionArguments()]);
        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        JsonElement ids = analyzed.Json();
        string saved = Path.Combine(_files.Path, "result.json");

        CliResult fetched = await CliProcess.RunAsync(["result", ids.GetProperty("scanId").GetString()!, ids.GetProperty("predictionId").GetString()!, "--json", "--save-document", saved, .. _server.ConnectionArguments()]);
        CliResult shown = await CliProcess.RunAsync("show", saved, "--json");

        Assert.True(fetched.ExitCode == 0, fetched.ToString());
        Assert.True(shown.ExitCode == 0, shown.ToString());
        AssertSameAnalysis(fetched.Json(), shown.Json());
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("result")]
    public async Task A_save_document_path_in_a_missing_directory_is_exit_code_2_before_anything_is_sent(string command)
    {
        await using var server = new HostileServer((_, client, _) => HostileServer.JsonAsync(client, """{"status":"PROCESSING"}"""));
        string path = Path.Combine(_files.Path, "no-such-directory", "saved.json");
        string[] target = command == "analyze" ? ["analyze", Sample] : ["result", "scan-1", "prediction-1"];

        CliResult run = await CliProcess.RunAsync([.. target, "--save-document", path, "--base-url", server.BaseAddress.ToString(), "--access-key", SkinAnalysisEmulator.DefaultCredential, "--app-id", "app-1"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        string line = Assert.Single(run.StderrLines);
        Assert.Contains("--save-document", line);
        Assert.Contains("Nothing was sent", line);
        Assert.Empty(server.Seen);
    }

    private static void AssertSameAnalysis(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetProperty("outcome").GetString(), actual.GetProperty("outcome").GetString());
        Assert.Equal(expected.GetProperty("predictionId").GetString(), actual.GetProperty("predictionId").GetString());
        Assert.Equal(expected.GetProperty("result").GetRawText(), actual.GetProperty("result").GetRawText());
    }
}
