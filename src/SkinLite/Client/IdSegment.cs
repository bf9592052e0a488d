namespace SkinLite;

/// <summary>Turns an opaque service id into one escaped URL path segment, refusing ids that would change the path.</summary>
internal static class IdSegment
{
    public static string Escape(string? id, string parameterName)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException($"The {parameterName} is empty; the service needs a non-empty id.", parameterName);
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

        return Uri.EscapeDataString(id);
    }
}
