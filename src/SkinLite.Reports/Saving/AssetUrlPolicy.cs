using System.Net;

namespace SkinLite.Reports;

/// <summary>
/// Which URLs a save fetches. The images sit on a CDN, so only https is fetched: a document (or a redirect) must not
/// be able to point the downloader at a plain-text host or at a file: URL. Plain http is allowed to loopback only, for
/// the emulator, and a redirect must always lead to https (a downgrade is refused even from loopback, except loopback
/// to loopback).
/// </summary>
internal static class AssetUrlPolicy
{
    public const string RefusedMessage = "not fetched: only https URLs are fetched, and http only from loopback";

    /// <summary>Why <paramref name="url"/> is not fetched, or <see langword="null"/> when it is.</summary>
    public static string? Refusal(string url, bool allowLoopbackHttp, out Uri? uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            return "not fetched: it is not an absolute URL.";
        }

        return IsAllowed(uri, allowLoopbackHttp) ? null : RefusedMessage + ".";
    }

    public static bool IsAllowed(Uri uri, bool allowLoopbackHttp) =>
        uri.IsAbsoluteUri &&
        (uri.Scheme == Uri.UriSchemeHttps || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    /// <summary>Whether a redirect from <paramref name="from"/> to <paramref name="to"/> is followed: https only, or loopback http to loopback http.</summary>
    public static bool IsAllowedRedirect(Uri from, Uri to, bool allowLoopbackHttp) =>
        to.IsAbsoluteUri &&
        (to.Scheme == Uri.UriSchemeHttps ||
         (allowLoopbackHttp && to.Scheme == Uri.UriSchemeHttp && IsLoopback(to) && from.Scheme == Uri.UriSchemeHttp && IsLoopback(from)));

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(uri.IdnHost, out IPAddress? address) && IPAddress.IsLoopback(address));
}
