using System.Text;

namespace SkinLite.Reports.Html;

/// <summary>
/// The one escaper of the reports. Every string that did not come from this assembly (the service's document, a file
/// name, a caller's title) goes through it, in text and in attribute values alike: escaping the five characters
/// <c>&amp; &lt; &gt; " '</c> everywhere means one rule is right in both contexts, so no call site has to choose.
/// </summary>
internal static class HtmlText
{
    /// <summary>Names, labels, short values: long enough for any real one, short enough that a hostile one cannot wreck the layout.</summary>
    public const int ShortLimit = 200;

    /// <summary>Descriptions and summaries: real ones are a few sentences.</summary>
    public const int LongLimit = 4000;

    /// <summary>The text escaped, cleaned (see <see cref="Clean"/>) and capped at <paramref name="limit"/> characters.</summary>
    public static string Escape(string? text, int limit = ShortLimit)
    {
        var builder = new StringBuilder();
        Append(builder, text, limit);
        return builder.ToString();
    }

    /// <summary>Appends the text escaped, cleaned (see <see cref="Clean"/>) and capped at <paramref name="limit"/> characters.</summary>
    public static void Append(StringBuilder builder, string? text, int limit = ShortLimit)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (char c in Cap(Clean(text), limit))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>
    /// Removes control characters other than tab, line feed and carriage return (NUL and the like have no business in a
    /// page and some make browsers or mail clients misbehave), and replaces an unpaired surrogate with U+FFFD (it is not
    /// text and would not survive UTF-8 anyway).
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            bool drop = char.IsControl(c) && c is not ('\t' or '\n' or '\r');
            bool lone = char.IsSurrogate(c);
            if (drop || lone)
            {
                cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
                if (lone)
                {
                    cleaned.Append('\uFFFD');
                }

                continue;
            }

            cleaned?.Append(c);
        }

        return cleaned?.ToString() ?? text;
    }

    /// <summary>The text cut to <paramref name="limit"/> characters plus an ellipsis when longer, never splitting a surrogate pair.</summary>
    public static string Cap(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        int cut = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return string.Concat(text.AsSpan(0, cut), "\u2026");
    }
}
