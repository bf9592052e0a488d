using System.Security.Cryptography;
using System.Text;

namespace SkinLite.Reports.Html;

/// <summary>
/// The policy each page carries in a <c>&lt;meta http-equiv&gt;</c>: nothing may load but what the page itself holds.
/// The one stylesheet and the one script are allowed by the hash of their exact text, so that no
/// <c>'unsafe-inline'</c> is needed and any markup that got in by mistake (an attribute handler, a style attribute, a
/// second script) stays inert.
/// </summary>
internal static class ContentSecurityPolicy
{
    /// <summary>The policy of a page with <paramref name="style"/> and, when not null, <paramref name="script"/>.</summary>
    /// <param name="style">The exact text of the page's one <c>&lt;style&gt;</c>.</param>
    /// <param name="script">The exact text of the page's one <c>&lt;script&gt;</c>, or <see langword="null"/> for a page without script.</param>
    /// <param name="allowRelativeImages">
    /// The batch index shows thumbnails from files beside it. <c>'self'</c> covers a page served over HTTP; <c>file:</c> is
    /// there because a page opened from disk has an opaque origin, which some browsers do not let <c>'self'</c> match.
    /// Neither reaches the network.
    /// </param>
    public static string For(string style, string? script, bool allowRelativeImages)
    {
        var policy = new StringBuilder("default-src 'none'; img-src ");
        policy.Append(allowRelativeImages ? "'self' file: data:" : "data:");
        policy.Append("; style-src '").Append(Hash(style)).Append('\'');
        if (script is not null)
        {
            policy.Append("; script-src '").Append(Hash(script)).Append('\'');
        }

        policy.Append("; base-uri 'none'; form-action 'none'");
        return policy.ToString();
    }

    /// <summary>The CSP source expression of an inline block: <c>sha256-</c> and the base64 SHA-256 of its UTF-8 text.</summary>
    public static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
