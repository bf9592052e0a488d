namespace SkinLite.Cli.Output;

/// <summary>What the standard streams are connected to, which decides colour and animation.</summary>
internal static class Terminal
{
    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb.</summary>
    public static bool StdoutHasColor { get; } =
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static bool StderrIsTerminal { get; } = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Writes one line on stderr, prefixed with the command name, folded to one line whatever the message holds.</summary>
    public static void Error(string message) =>
        Console.Error.WriteLine("skinlite: " + message.ReplaceLineEndings(" ").Trim());
}
