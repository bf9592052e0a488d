namespace SkinLite;

/// <summary>Turns an opaque service id into one escaped URL path segment, refusing ids that would change the path.</summary>
internal static class IdSegment
{
    /// <summary>Far longer than any id the service hands out (24-36 characters), short enough to quote in a message.</summary>
    public const int MaxLength = 256;

    public static string Escape(string? id, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"The {parameterName} is empty{(id is { Length: > 0 } ? " (white space only)" : string.Empty)}; the service needs a non-empty id.", parameterName);
        }

        // Checked first, and not quoted: every later message repeats the id.
        if (id.Length > MaxLength)
        {
            throw new ArgumentException($"The {parameterName} is {id.Length} characters long; service ids are short, so at most {MaxLength} are sent.", parameterName);
        }

        // Service ids never start or end with white space: such an id is a copy-and-paste slip that would fetch nothing.
        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            throw new ArgumentException($"The {parameterName} '{id}' starts or ends with white space.", parameterName);
        }

        if (id is "." or "..")
        {
            throw new ArgumentException($"The {parameterName} '{id}' is a relative path segment, not an id.", parameterName);
        }

        foreach (char c in id)
        {
            if (c is '/' or '\\')
            {
                throw new ArgumentException($"The {parameterName} '{id}' contains '{c}', which would change the request path.", parameterName);
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException($"The {parameterName} contains the control character U+{(int)c:X4}.", parameterName);
            }
        }

        // An id that is already percent-escaped ("..%2F..") would be escaped again here, but a proxy that decodes twice
        // would turn it back into a path; service ids never contain escapes, so such an id is refused, not sent.
        int percent = id.IndexOf('%', StringComparison.Ordinal);
        while (percent >= 0)
        {
            if (percent + 2 < id.Length && Uri.IsHexDigit(id[percent + 1]) && Uri.IsHexDigit(id[percent + 2]))
            {
                throw new ArgumentException($"The {parameterName} '{id}' contains the percent-escape '{id.AsSpan(percent, 3)}'; pass ids unescaped, SkinLite escapes them.", parameterName);
            }
            percent = id.IndexOf('%', percent + 1);
        }

        return Uri.EscapeDataString(id);
    }
}
