using System.Text;

namespace SkinLite.Tests.Support;

/// <summary>One part of a multipart body exactly as it went on the wire: its raw header lines and its bytes.</summary>
internal sealed record MultipartPart(IReadOnlyList<string> HeaderLines, byte[] Body)
{
    public string? Header(string name) =>
        HeaderLines.Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim())
            .SingleOrDefault();

    /// <summary>Splits a body by hand (RFC 7578), so that the test sees the bytes the server would see, not what HttpClient meant.</summary>
    public static IReadOnlyList<MultipartPart> Split(byte[] body, string boundary)
    {
        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        byte[] headerEnd = "\r\n\r\n"u8.ToArray();
        var parts = new List<MultipartPart>();
        int at = IndexOf(body, delimiter, 0);
        Assert.True(at == 0, "the body must start with the boundary");
        while (true)
        {
            int afterDelimiter = at + delimiter.Length;
            if (body.AsSpan(afterDelimiter).StartsWith("--"u8))
            {
                return parts; // the closing delimiter
            }
            int headersStart = afterDelimiter + 2; // CRLF after the delimiter
            int headersEnd = IndexOf(body, headerEnd, headersStart);
            Assert.True(headersEnd > 0, "a part must have a header block");
            string[] headers = Encoding.ASCII.GetString(body, headersStart, headersEnd - headersStart).Split("\r\n");
            int contentStart = headersEnd + headerEnd.Length;
            int next = IndexOf(body, [.. "\r\n"u8, .. delimiter], contentStart);
            Assert.True(next > 0, "every part must be followed by a boundary");
            parts.Add(new MultipartPart(headers, body[contentStart..next]));
            at = next + 2;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        int found = haystack.AsSpan(start).IndexOf(needle);
        return found < 0 ? -1 : start + found;
    }
}
