namespace SkinLite.Cli.Output;

/// <summary>What the standard streams are connected to, which decides colour and animation.</summary>
internal static class Terminal
{
    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb.</summary>
    public static bool StdoutHasColor { get; } =
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static bool StderrIsTerminal { get; } = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>
    /// Writes one line on stderr, prefixed with the command name, folded to one line whatever the message holds, with
    /// any control character from the service made visible rather than obeyed.
    /// </summary>
    public static void Error(string message) =>
        Console.Error.WriteLine("skinlite: " + TerminalText.Clean(message.ReplaceLineEndings(" ")).Trim());

    /// <summary>
    /// From here on, masks <paramref name="credential"/> (as given, base64, base64url) in everything written to stdout
    /// and stderr, whoever writes it. Called once the key is known, before anything is sent.
    /// </summary>
    public static void MaskEverywhere(string credential)
    {
        CredentialRedactor redactor = CredentialRedactor.For(credential);
        Console.SetOut(TextWriter.Synchronized(new MaskingWriter(Console.Out, redactor)));
        Console.SetError(TextWriter.Synchronized(new MaskingWriter(Console.Error, redactor)));
    }
}
