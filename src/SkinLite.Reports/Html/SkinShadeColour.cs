namespace SkinLite.Reports.Html;

/// <summary>
/// <c>skin_shade</c> becomes a colour only when it is exactly six hex digits (one leading <c>#</c> allowed): the value
/// goes into an SVG <c>fill</c> attribute, and anything else (a URL, <c>red;x</c>, a hostile string) must not.
/// </summary>
internal static class SkinShadeColour
{
    /// <summary>The shade as <c>#RRGGBB</c> (upper case), or <see langword="null"/> when it is not six hex digits.</summary>
    public static string? Parse(string? shade)
    {
        ReadOnlySpan<char> digits = shade.AsSpan();
        if (digits.Length == 7 && digits[0] == '#')
        {
            digits = digits[1..];
        }

        if (digits.Length != 6)
        {
            return null;
        }

        foreach (char c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return "#" + digits.ToString().ToUpperInvariant();
    }
}
