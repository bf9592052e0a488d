using System.Diagnostics;
using SkinLite.Cli.Tests.Support;

namespace SkinLite.Cli.Tests;

/// <summary>A wait that ends before the job: exit code 5, the ids and the command to resume; then the resume itself.</summary>
public sealed class TimeoutAndResumeTests : IAsyncLifetime
{
    private LocalEmulator _server = null!;

    public async Task InitializeAsync() => _server = await LocalEmulator.StartAsync(TimeSpan.FromSeconds(6));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Timeout_prints_how_to_resume_and_result_wait_finishes_the_job()
    {
        CliResult timedOut = await CliProcess.RunAsync(["analyze", "samples/face.png", "--json", "--timeout", "1s", .. _server.ConnectionArguments()]);

        Assert.True(timedOut.ExitCode == 5, timedOut.ToString());
        var json = timedOut.Json();
        Assert.Equal("timeout", json.GetProperty("outcome").GetString());
        string scanId = json.GetProperty("scanId").GetString()!;
        string predictionId = json.GetProperty("predictionId").GetString()!;
        string hint = Assert.Single(timedOut.StderrLines, line => line.Contains("Resume with:", StringComparison.Ordinal));
        Assert.Contains($"skinlite result {scanId} {predictionId} --wait --app-id {LocalEmulator.AppId} --base-url {_server.BaseAddress}service/private/misc/v2.0", hint);
        Assert.DoesNotContain("--access-key", hint);

        CliResult once = await CliProcess.RunAsync(["result", scanId, predictionId, "--json", .. _server.ConnectionArguments()]);
        Assert.True(once.ExitCode == 5, once.ToString());
        Assert.Equal("pending", once.Json().GetProperty("outcome").GetString());

        CliResult resumed = await CliProcess.RunAsync(["result", scanId, predictionId, "--wait", "--json", .. _server.ConnectionArguments()]);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var finished = resumed.Json();
        Assert.Equal("succeeded", finished.GetProperty("outcome").GetString());
        Assert.Equal(predictionId, finished.GetProperty("predictionId").GetString());
        Assert.True(finished.GetProperty("result").GetProperty("concerns").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_resume_command_keeps_send_key_as_is()
    {
        CliResult timedOut = await CliProcess.RunAsync(["analyze", "samples/face.png", "--timeout", "1s", "--send-key-as-is", .. _server.ConnectionArguments()]);

        Assert.True(timedOut.ExitCode == 5, timedOut.ToString());
        Assert.Contains("--send-key-as-is", Assert.Single(timedOut.StderrLines, line => line.Contains("Resume with:", StringComparison.Ordinal)));
        Assert.DoesNotContain("1 polls", timedOut.Stderr);
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_exits_130_with_the_ids_to_resume_with()
    {
        using Process process = CliProcess.Start(["analyze", "samples/face.png", .. _server.ConnectionArguments()]);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            stderr.Add(line);
            if (line.StartsWith("skinlite: submitted:", StringComparison.Ordinal))
            {
                using Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync(limit.Token);
            }
        }

        await process.WaitForExitAsync(limit.Token);
        string all = string.Join('\n', stderr);
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{all}");
        Assert.Contains(stderr, line => line.Contains("Cancelled while waiting", StringComparison.Ordinal) && line.Contains("skinlite result ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, await stdout);
    }
}
