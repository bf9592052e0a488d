using System.Net.Http.Headers;
using System.Text;

namespace SkinLite;

/// <summary>Builds the <c>Authorization: Bearer ...</c> value once, and the redactor that keeps it out of every message.</summary>
internal static class BearerHeader
{
    public static (AuthenticationHeaderValue Header, CredentialRedactor Redactor) Create(string credential, bool sendAsIs)
    {
        string token = sendAsIs ? credential : Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));

        // Every spelling is secret whichever one is sent: a server or proxy may echo any of them back.
        return (new AuthenticationHeaderValue("Bearer", token), CredentialRedactor.For(credential));
    }
}
