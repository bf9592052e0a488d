using System.Net.Http.Headers;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>Finds one file field in a <c>multipart/form-data</c> body, with no copy of the data.</summary>
internal static class MultipartForm
{
    /// <returns>The field's bytes, or <see langword="null"/> when the body is not multipart or has no such field.</returns>
    public static ReadOnlyMemory<byte>? FindField(string? contentType, ReadOnlyMemory<byte> body, string fieldName)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? type) ||
            !string.Equals(type.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? boundary = type.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        byte[] nextDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        ReadOnlySpan<byte> span = body.Span;
        int at = span.IndexOf(delimiter);
        while (at >= 0)
        {
            int partStart = at + delimiter.Length;
            if (span[partStart..].StartsWith("--"u8))
            {
                return null;
            }

            int headersEnd = span[partStart..].IndexOf("\r\n\r\n"u8);
            if (headersEnd < 0)
            {
                return null;
            }

            int dataStart = partStart + headersEnd + 4;
            int dataLength = span[dataStart..].IndexOf(nextDelimiter);
            if (dataLength < 0)
            {
                return null;
            }

            if (NamesField(span.Slice(partStart, headersEnd), fieldName))
            {
                return body.Slice(dataStart, dataLength);
            }

            at = dataStart + dataLength + 2;
        }

        return null;
    }

    private static bool NamesField(ReadOnlySpan<byte> headers, string fieldName)
    {
        foreach (string line in Encoding.ASCII.GetString(headers).Split("\r\n"))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase) &&
                ContentDispositionHeaderValue.TryParse(line[(colon + 1)..].Trim(), out ContentDispositionHeaderValue? disposition))
            {
                return string.Equals(disposition.Name?.Trim('"'), fieldName, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
