using System.Net.Http.Headers;
using System.Text;

namespace SkinLite;

/// <summary>Builds the <c>Authorization: Bearer ...</c> value once, and the redactor that keeps it out of every message.</summary>
internal static class BearerHeader
{
    public static (AuthenticationHeaderValue Header, CredentialRedactor Redactor) Create(string credential, bool sendAsIs)
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));
        string token = sendAsIs ? credential : encoded;

        // Both spellings are secret whichever one is sent: a server or proxy may echo either back.
        return (new AuthenticationHeaderValue("Bearer", token), new CredentialRedactor(credential, encoded));
    }
}
