namespace SkinLite.Cli.Configuration;

/// <summary>Checks a base URL locally, so that a typo is reported as such rather than as a network error.</summary>
internal static class BaseUrlParser
{
    public static bool TryParse(string? text, out Uri? url, out string error)
    {
        error = string.Empty;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            url = null;
            error = $"'{text}' is not an absolute http:// or https:// URL";
            return false;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            // Not echoed: the part before @ is a password, and this line may end up in a log.
            error = "the base URL carries credentials (user:password@); remove them: skinlite sends its own access key (--access-key or SKINLITE_ACCESS_KEY)";
            url = null;
            return false;
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            error = $"'{text}' has a query or fragment; give the service's base URL only";
            url = null;
            return false;
        }

        return true;
    }
}
