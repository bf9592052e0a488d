using System.Text.Json;

namespace SkinLite;

/// <summary>
/// What reading a document can throw besides a <see cref="JsonException"/>: <see cref="Utf8JsonReader"/> checks the
/// shape of escapes but not what they decode to, so a lone surrogate escape (<c>\ud800</c>) throws
/// <see cref="InvalidOperationException"/> from <c>GetString</c>, <c>CopyString</c> or <c>ValueTextEquals</c>, as invalid
/// UTF-8 inside a string does. The readers treat both as a malformed document.
/// </summary>
internal static class JsonReadFailure
{
    public static bool Is(Exception error) => error is JsonException or InvalidOperationException;
}
