using System.Text;

namespace SkinLite;

/// <summary>
/// Removes the credential, in every spelling a server or proxy may echo (as given, base64 with and without padding,
/// base64url), from text before it reaches an exception, a log line or a trace.
/// </summary>
internal sealed class CredentialRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private readonly string[] _secrets;

    private CredentialRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length) // a longer spelling containing a shorter one is masked whole, not left half-visible
            .ToArray();

    /// <summary>The redactor of one access key: the key as given and each way it can be encoded.</summary>
    public static CredentialRedactor For(string credential)
    {
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));
        string unpadded = base64.TrimEnd('=');
        return new CredentialRedactor([credential, base64, unpadded, unpadded.Replace('+', '-').Replace('/', '_')]);
    }

    /// <summary>Whether <paramref name="text"/> holds the credential in any spelling.</summary>
    public bool Finds(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every spelling of the credential replaced by <see cref="Mask"/>; the same instance when there was none.</summary>
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
