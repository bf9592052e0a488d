using System.Buffers;
using System.Text.Json;

namespace SkinLite.Emulator;

/// <summary>
/// JSON error bodies in the one shape the real service is known to use (<c>{"message","status","errorCode","exception"}</c>,
/// from its documented 403). Never echoes the request's credential.
/// </summary>
internal static class ErrorBodies
{
    /// <summary>Not JSON at all, though labelled so: what a <c>malformed</c> fault sends. It breaks at the first value, before any status could be read.</summary>
    public static readonly byte[] Malformed = "{\"status\": SUCCESS, <emulated malformed answer"u8.ToArray();

    /// <summary>
    /// The service's documented quota answer, in its documented fields and order (<c>message, status, errorCode,
    /// exception</c>; the documentation elides the rest), plus the emulator's <c>emulated</c> mark.
    /// </summary>
    public static byte[] UsageLimitExceeded => Json(403, "JR-1000", "UsageBlockedError", "Usage Limit Exceeded");

    public static byte[] Json(int status, string errorCode, string exception, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteNumber("status", status);
            writer.WriteString("errorCode", errorCode);
            writer.WriteString("exception", exception);
            writer.WriteBoolean("emulated", true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
