namespace SkinLite;

/// <summary>Removes the credential, plain and encoded, from text that came back from the network before it reaches an exception.</summary>
internal sealed class CredentialRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public CredentialRedactor(params string?[] secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).Distinct().Cast<string>()
            .OrderByDescending(s => s.Length) // a longer secret containing a shorter one is masked whole, not left half-visible
            .ToArray();

    public string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
