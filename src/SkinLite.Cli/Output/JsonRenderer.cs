using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkinLite.Cli.Output;

/// <summary>Writes the one JSON object that --json promises on stdout, through the source-generated context.</summary>
internal static class JsonRenderer
{
    /// <summary>
    /// The generated context with relaxed escaping: stdout is read by scripts and people, not embedded in HTML, so an
    /// apostrophe in a summary stays an apostrophe instead of becoming \u0027.
    /// </summary>
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Reads back what <see cref="Render"/> wrote (skinlite's own --json output).</summary>
    /// <exception cref="JsonException">The text is not that object.</exception>
    public static OutcomeReport? Read(byte[] json) => JsonSerializer.Deserialize(json, Context.OutcomeReport);

    public static void Render(TextWriter output, OutcomeReport report)
    {
        output.WriteLine(JsonSerializer.Serialize(report, Context.OutcomeReport));
    }

    /// <summary>The end of <c>skinlite batch --json</c>.</summary>
    public static void Render(TextWriter output, BatchSummaryDocument summary)
    {
        output.WriteLine(JsonSerializer.Serialize(summary, Context.BatchSummaryDocument));
    }
}
