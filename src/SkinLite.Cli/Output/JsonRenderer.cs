using System.Text.Json;

namespace SkinLite.Cli.Output;

/// <summary>Writes the one JSON object that --json promises on stdout, through the source-generated context.</summary>
internal static class JsonRenderer
{
    public static void Render(TextWriter output, OutcomeReport report)
    {
        output.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.OutcomeReport));
    }
}
