using System.Globalization;
using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// Makes text that came from the service safe to print: a terminal obeys escape sequences, so a hostile or broken
/// answer could retitle the window, clear the screen or hide text. Line breaks and tabs become spaces; every other
/// control character (C0, DEL, C1) and every bidirectional override is shown as a visible <c>\uXXXX</c> instead.
/// </summary>
internal static class TerminalText
{
    public static string Clean(string text)
    {
        int first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (c is '\n' or '\r' or '\t')
            {
                clean.Append(' ');
            }
            else if (IsUnsafe(c))
            {
                clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Controls, and the bidirectional embeddings, overrides and isolates that reorder what is shown.</summary>
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
