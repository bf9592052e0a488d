using System.Text.Json;

namespace SkinLite;

/// <summary>Reads the service's error code and message from a JSON error body; any other body yields neither.</summary>
internal static class ErrorBodyReader
{
    /// <summary>The error code and message of a JSON error body such as <c>{"message":"Usage Limit Exceeded","errorCode":"JR-1000"}</c>.</summary>
    public static (string? Code, string? Message) Read(ReadOnlySpan<byte> body)
    {
        body = ByteOrderMark.Skip(body);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            string? code = null;
            string? message = null;
            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("errorCode"u8) || reader.ValueTextEquals("error_code"u8) || (code is null && reader.ValueTextEquals("code"u8)))
                {
                    reader.Read();
                    code = TolerantJsonValues.ReadText(ref reader, body) ?? code;
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = TolerantJsonValues.ReadText(ref reader, body);
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = TolerantJsonValues.ReadText(ref reader, body);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return (code, message ?? error);
        }
        catch (Exception error) when (JsonReadFailure.Is(error))
        {
            return (null, null);
        }
    }
}
