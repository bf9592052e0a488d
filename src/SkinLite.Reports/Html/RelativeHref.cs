namespace SkinLite.Reports.Html;

/// <summary>
/// A caller's relative file path made safe to put in an <c>href</c> or <c>src</c>: each segment percent-encoded (so a
/// <c>:</c> can never make a scheme, nor <c>#</c>, <c>?</c>, <c>"</c> or a space break out of the path), and anything
/// that could point elsewhere refused: a rooted path (<c>/x</c>, <c>\\host</c>, <c>C:\x</c>), a <c>..</c> segment,
/// control characters. Backslashes count as separators, so a Windows relative path works.
/// </summary>
internal static class RelativeHref
{
    private const int MaxLength = 2048;

    /// <summary>The encoded path, or <see langword="null"/> when there is none or it is refused.</summary>
    public static string? Encode(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > MaxLength || path.Any(char.IsControl))
        {
            return null;
        }

        string slashed = HtmlText.Clean(path).Replace('\\', '/');
        bool drive = slashed.Length >= 2 && char.IsAsciiLetter(slashed[0]) && slashed[1] == ':';
        if (slashed[0] == '/' || drive)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (string segment in slashed.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                return null;
            }

            segments.Add(Uri.EscapeDataString(segment));
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
