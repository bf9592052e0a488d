using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// A standard stream that masks the access key, in every spelling, in whatever is written to it: a hostile service may
/// echo the key into any field (a status, an id, a score's label), and this is the one place every printed line passes.
/// The CLI writes whole strings, so a key is never split across two writes.
/// </summary>
internal sealed class MaskingWriter(TextWriter inner, CredentialRedactor redactor) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(redactor.Redact(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(redactor.Redact(value));

    public override void Flush() => inner.Flush();
}
