namespace SkinLite;

/// <summary>
/// Keeps a copy of the body a job's terminal outcome was read from: the service's own document, which a batch saves
/// per image. Only a wait that asks for it carries one; other polls copy nothing.
/// </summary>
internal sealed class TerminalDocument
{
    /// <summary>The document of the terminal outcome, or <see langword="null"/> before one.</summary>
    public byte[]? Bytes { get; private set; }

    public void Keep(in AnalysisOutcome outcome, ReadOnlySpan<byte> body)
    {
        if (outcome.IsTerminal)
        {
            Bytes = body.ToArray();
        }
    }
}
