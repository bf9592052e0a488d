using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests;

/// <summary>The account's usage limit (403 Usage Limit Exceeded, JR-1000) is said as such, not as a bad key.</summary>
public sealed class UsageLimitTests
{
    [Fact]
    public async Task Analyze_past_the_quota_says_the_usage_limit_is_used_up_and_that_no_analysis_was_made()
    {
        await using LocalEmulator server = await LocalEmulator.StartAsync(new EmulatorOptions { ProcessingTime = TimeSpan.Zero, Quota = 0 });

        CliResult run = await CliProcess.RunAsync(["analyze", "samples/face.png", .. server.ConnectionArguments()]);

        Assert.Equal(7, run.ExitCode);
        string line = Assert.Single(run.StderrLines, l => l.Contains("usage limit", StringComparison.Ordinal));
        Assert.StartsWith("skinlite: The account's usage limit is used up, so the service made no analysis:", line, StringComparison.Ordinal);
        Assert.Contains("Usage Limit Exceeded [JR-1000]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Authentication failed", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
