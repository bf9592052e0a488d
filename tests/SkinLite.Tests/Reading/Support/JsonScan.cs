namespace SkinLite.Tests.Reading;

/// <summary>
/// A forgiving look at the structure of a JSON text that may already be broken: where its objects open, where its
/// members' values sit. Quotes and escapes are tracked so that a brace inside a string is not taken for structure. Only
/// the structure-aware mutations use it, to keep most of their mutants valid JSON, which is what the oracle needs.
/// </summary>
internal static class JsonScan
{
    /// <summary>Indexes of every <c>{</c> outside strings.</summary>
    public static List<int> ObjectStarts(ReadOnlySpan<byte> json) => Structural(json, (byte)'{');

    /// <summary>Indexes of every <c>:</c> outside strings, one per member.</summary>
    public static List<int> Colons(ReadOnlySpan<byte> json) => Structural(json, (byte)':');

    /// <summary>Indexes of the colon after every name equal to <paramref name="name"/> (compared as written, escapes and all).</summary>
    public static List<int> ColonsAfterName(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var found = new List<int>();
        foreach (int colon in Colons(json))
        {
            int end = SkipWhitespaceBackwards(json, colon - 1);
            if (end < 1 || json[end] != (byte)'"')
            {
                continue;
            }

            int start = end - name.Length - 1;
            if (start >= 0 && json[start] == (byte)'"' && json.Slice(start + 1, name.Length).SequenceEqual(name))
            {
                found.Add(colon);
            }
        }

        return found;
    }

    /// <summary>Where the name before the colon at <paramref name="colon"/> starts (its opening quote), or -1.</summary>
    public static int NameStart(ReadOnlySpan<byte> json, int colon)
    {
        int end = SkipWhitespaceBackwards(json, colon - 1);
        if (end < 1 || json[end] != (byte)'"')
        {
            return -1;
        }

        for (int i = end - 1; i >= 0; i--)
        {
            if (json[i] == (byte)'"' && !IsEscaped(json, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value after the colon at <paramref name="colon"/>: its start and its end (exclusive), to the end of the text when it never closes.</summary>
    public static (int Start, int End) ValueAfter(ReadOnlySpan<byte> json, int colon)
    {
        int start = SkipWhitespace(json, colon + 1);
        if (start >= json.Length)
        {
            return (json.Length, json.Length);
        }

        return (start, json[start] switch
        {
            (byte)'"' => StringEnd(json, start),
            (byte)'{' or (byte)'[' => ContainerEnd(json, start),
            _ => ScalarEnd(json, start),
        });
    }

    /// <summary>The first index at or after <paramref name="from"/> that is not JSON white space.</summary>
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int from)
    {
        while (from < json.Length && json[from] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            from++;
        }

        return from;
    }

    private static int SkipWhitespaceBackwards(ReadOnlySpan<byte> json, int from)
    {
        while (from >= 0 && json[from] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            from--;
        }

        return from;
    }

    private static List<int> Structural(ReadOnlySpan<byte> json, byte wanted)
    {
        var found = new List<int>();
        bool inString = false;
        bool escaped = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (inString)
            {
                inString = escaped || b != (byte)'"';
                escaped = !escaped && b == (byte)'\\';
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b == wanted)
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static bool IsEscaped(ReadOnlySpan<byte> json, int quote)
    {
        int backslashes = 0;
        for (int i = quote - 1; i >= 0 && json[i] == (byte)'\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static int StringEnd(ReadOnlySpan<byte> json, int quote)
    {
        bool escaped = false;
        for (int i = quote + 1; i < json.Length; i++)
        {
            if (!escaped && json[i] == (byte)'"')
            {
                return i + 1;
            }

            escaped = !escaped && json[i] == (byte)'\\';
        }

        return json.Length;
    }

    private static int ContainerEnd(ReadOnlySpan<byte> json, int open)
    {
        int depth = 0;
        for (int i = open; i < json.Length; i++)
        {
            switch (json[i])
            {
                case (byte)'"':
                    i = StringEnd(json, i) - 1;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return json.Length;
    }

    private static int ScalarEnd(ReadOnlySpan<byte> json, int start)
    {
        int i = start;
        while (i < json.Length && json[i] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            i++;
        }

        return i;
    }
}
