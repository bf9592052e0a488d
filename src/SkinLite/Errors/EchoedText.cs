namespace SkinLite;

/// <summary>
/// Service text repeated in a message (a status, an id) is cut to a readable length: a hostile answer can make any of
/// them megabytes long, and a message is one line for a person or a log.
/// </summary>
internal static class EchoedText
{
    public const int MaxLength = 80;

    public static string Clip(string text) =>
        text.Length <= MaxLength ? text : $"{text.AsSpan(0, MaxLength)}... ({text.Length} characters)";
}
