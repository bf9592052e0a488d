using System.Text;

namespace SkinLite.Reports;

/// <summary>
/// Turns text from a document (a concern's name, a zone's key, a URL's last segment) into a piece of a local file name.
/// The text is untrusted: a hostile document could send <c>../../.ssh/x</c>, a 10,000-character name, or control
/// characters. The slug keeps only lower-case ASCII letters and digits, so it can never name a parent folder, a
/// separator, a device or a hidden file, and it is short on every file system.
/// </summary>
internal static class SafeName
{
    public const int MaxSlugLength = 40;
    public const string Fallback = "image";

    /// <summary>Lower-case ASCII letters and digits, with one '-' for each run of anything else, trimmed, at most 40 characters; <c>image</c> when nothing is left.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Fallback;
        }

        var slug = new StringBuilder(Math.Min(text.Length, MaxSlugLength));
        bool pendingDash = false;
        foreach (char c in text)
        {
            char kept = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : '\0';
            if (kept == '\0')
            {
                // A run of anything else becomes one '-', and only between kept characters (so never leading or trailing).
                pendingDash = slug.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                if (slug.Length + 1 >= MaxSlugLength)
                {
                    break;
                }

                slug.Append('-');
                pendingDash = false;
            }

            slug.Append(kept);
            if (slug.Length == MaxSlugLength)
            {
                break;
            }
        }

        return slug.Length == 0 ? Fallback : slug.ToString();
    }

    /// <summary>The last path segment of a URL without its extension (<c>dark circle</c> for <c>.../dark%20circle.jpg</c>), or <see langword="null"/>.</summary>
    public static string? UrlStem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string path = uri.AbsolutePath;
        string last = path[(path.LastIndexOf('/') + 1)..];
        string unescaped = Uri.UnescapeDataString(last);
        int dot = unescaped.LastIndexOf('.');
        return dot > 0 ? unescaped[..dot] : unescaped;
    }

    /// <summary>
    /// <paramref name="relative"/> (with '/' separators) under <paramref name="directory"/> as a full path; throws when it
    /// would leave the folder. The names built here cannot, so this is a guard against a future mistake, not a filter.
    /// </summary>
    public static string Contained(string directory, string relative)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root, StringComparison.Ordinal) && full.Length > root.Length
            ? full
            : throw new InvalidOperationException($"The local name '{relative}' would be outside '{root}'.");
    }
}
