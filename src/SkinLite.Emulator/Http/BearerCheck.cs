using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>Accepts <c>Bearer key</c> and <c>Bearer base64(key)</c>, the two spellings clients use, compared in constant time.</summary>
internal sealed class BearerCheck
{
    private readonly byte[] _plain;
    private readonly byte[] _encoded;

    public BearerCheck(string credential)
    {
        _plain = Encoding.UTF8.GetBytes(credential);
        _encoded = Encoding.ASCII.GetBytes(Convert.ToBase64String(_plain));
    }

    public bool Accepts(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out AuthenticationHeaderValue? header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            return false;
        }

        byte[] token = Encoding.UTF8.GetBytes(header.Parameter);
        return CryptographicOperations.FixedTimeEquals(token, _plain) | CryptographicOperations.FixedTimeEquals(token, _encoded);
    }
}
