using System.Text.Json;
using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>show: a saved prediction document, from a file or stdin, printed as analyze prints it.</summary>
public sealed class ShowTests
{
    [RecordedFixtureFact]
    public async Task The_recorded_success_prints_the_human_report()
    {
        CliResult run = await CliProcess.RunAsync("show", RecordedFixtures.Path("transformation-success.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Overall score  {RecordedScore()}/100", run.Stdout);
        Assert.Contains("Concerns", run.Stdout);
        Assert.Contains("T-zone", run.Stdout);
        Assert.DoesNotContain("emulated", run.Stdout);
        Assert.All(run.Stdout.Split('\n').Where(line => !line.Contains("https://", StringComparison.Ordinal)), line => Assert.True(line.Length <= 80, line));
    }

    [RecordedFixtureFact]
    public async Task The_recorded_success_as_json_carries_the_typed_analysis()
    {
        CliResult run = await CliProcess.RunAsync("show", RecordedFixtures.Path("transformation-success.json"), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("succeeded", json.GetProperty("outcome").GetString());
        Assert.False(json.GetProperty("emulated").GetBoolean());
        Assert.Equal(RecordedScore(), json.GetProperty("result").GetProperty("totalSkinScore").GetInt32());
        Assert.StartsWith("skinAnalysisInt--generate--", json.GetProperty("predictionId").GetString());
    }

    [RecordedFixtureFact]
    public async Task A_document_read_from_stdin_prints_the_same()
    {
        byte[] document = RecordedFixtures.Read("transformation-success.json");

        CliResult run = await CliProcess.RunAsync(["show", "-", "--json"], null, document);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(RecordedScore(), run.Json().GetProperty("result").GetProperty("totalSkinScore").GetInt32());
    }

    [RecordedFixtureTheory]
    [InlineData("transformation-accepted.json")]
    [InlineData("transformation-accepted-2.json")]
    public async Task An_accepted_document_is_pending_with_exit_code_5(string name)
    {
        CliResult run = await CliProcess.RunAsync("show", RecordedFixtures.Path(name), "--json");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal("pending", run.Json().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_rejection_document_from_stdin_is_exit_code_3()
    {
        byte[] document = """{"_id":"p1","status":"SUCCESS","output":{"error":"No face detected","status_code":422}}"""u8.ToArray();

        CliResult run = await CliProcess.RunAsync(["show", "-"], null, document);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("No face detected", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Text_that_is_not_a_prediction_document_is_exit_code_2()
    {
        CliResult run = await CliProcess.RunAsync(["show", "-"], null, "this is not json"u8.ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("stdin is not a prediction document", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Empty_stdin_is_exit_code_2()
    {
        CliResult run = await CliProcess.RunAsync(["show", "-"], null, []);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("stdin is empty", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Stdin_over_the_document_cap_is_exit_code_2()
    {
        byte[] huge = new byte[(16 * 1024 * 1024) + 1000];
        huge.AsSpan().Fill((byte)' ');

        CliResult run = await CliProcess.RunAsync(["show", "-"], null, huge);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("stdin is over the 16777216-byte limit", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task A_missing_file_is_exit_code_2()
    {
        CliResult run = await CliProcess.RunAsync("show", "no-such-result.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("There is no file at 'no-such-result.json'", Assert.Single(run.StderrLines));
    }

    private static int RecordedScore()
    {
        using JsonDocument document = JsonDocument.Parse(RecordedFixtures.Read("transformation-success.json"));
        return document.RootElement.GetProperty("output").GetProperty("skinData").GetProperty("total_skin_score").GetInt32();
    }
}
