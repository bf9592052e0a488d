using System.Text.Json;

namespace SkinLite.Cli.Tests.Support;

/// <summary>What one run of the binary did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout as the one JSON object --json promises; fails the test when it is anything else.</summary>
    public JsonElement Json()
    {
        using JsonDocument document = JsonDocument.Parse(Stdout);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    /// <summary>The stderr lines, for the "one specific line" checks.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
