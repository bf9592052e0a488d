using System.Text;
using System.Text.Json;

namespace SkinLite;

/// <summary>An answer SkinLite cannot read: not JSON, truncated, shaped wrongly, or over the size cap.</summary>
public sealed class SkinLiteProtocolException : SkinLiteException
{
    internal const int MaxExcerptBytes = 4 * 1024;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the answer.</param>
    /// <param name="bodyExcerpt">The start of the body as text, at most 4 KiB.</param>
    /// <param name="innerException">The parser's error, if any.</param>
    public SkinLiteProtocolException(string message, string? bodyExcerpt, Exception? innerException)
        : base(message, innerException)
    {
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The start of the offending body as text (at most 4 KiB), or <see langword="null"/>.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>Whether asking again may help: a truncated or garbled body may be a passing fault, an oversized one is not.</summary>
    internal bool IsTransient { get; private init; } = true;

    internal static SkinLiteProtocolException Malformed(string what, ReadOnlySpan<byte> body, Exception error) =>
        new($"The {what} is not valid JSON ({Position(error)}{(body.IsEmpty ? "the body is empty" : error.Message)}).", Excerpt(body), error);

    internal static SkinLiteProtocolException Shape(string what, string problem, ReadOnlySpan<byte> body) =>
        new($"The {what} cannot be read: {problem}.", Excerpt(body), null);

    /// <summary>A document that reads well but is no result (a SUCCESS with neither analysis nor error): asking again gives the same.</summary>
    internal static SkinLiteProtocolException NotAResult(string problem, ReadOnlySpan<byte> body) =>
        new($"The result document cannot be read: {problem}.", Excerpt(body), null) { IsTransient = false };

    internal static SkinLiteProtocolException TooLarge(long? declared, long cap) =>
        new(declared is { } length
                ? $"The response body is {length} bytes, over the {cap}-byte cap (SkinLiteClientOptions.MaxResponseBytes); it was not read."
                : $"The response body is over the {cap}-byte cap (SkinLiteClientOptions.MaxResponseBytes); reading stopped there.",
            null,
            null)
        { IsTransient = false };

    /// <summary>The same error with another message and excerpt: the transport's copy with the credential removed from both.</summary>
    internal SkinLiteProtocolException WithText(string message, string? bodyExcerpt) =>
        new(message, bodyExcerpt, InnerException) { IsTransient = IsTransient };

    /// <summary>The start of a body as text, cut at <see cref="MaxExcerptBytes"/> bytes.</summary>
    internal static string? Excerpt(ReadOnlySpan<byte> body) =>
        body.IsEmpty ? null : Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxExcerptBytes)]);

    private static string Position(Exception error) =>
        error is JsonException { BytePositionInLine: { } column } json ? $"at line {json.LineNumber + 1}, byte {column + 1}: " : string.Empty;
}
