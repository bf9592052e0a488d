namespace SkinLite;

/// <summary>What a header walk found: dimensions, or why the header is unreadable. <see cref="NeedMore"/> asks for the bytes at the cursor.</summary>
internal readonly record struct HeaderVerdict(bool NeedMore, int Width, int Height, RejectionReason Reason, string? Problem)
{
    public static HeaderVerdict More => new(true, 0, 0, RejectionReason.None, null);

    public static HeaderVerdict Size(int width, int height) => new(false, width, height, RejectionReason.None, null);

    public static HeaderVerdict Corrupt(string problem) => new(false, 0, 0, RejectionReason.CorruptImage, problem);

    /// <summary>The structure goes on past <see cref="ImagePreflight.MaxFileBytes"/> and the bytes are there: the file is too large.</summary>
    public static HeaderVerdict TooLarge(string problem) => new(false, 0, 0, RejectionReason.FileTooLarge, problem);
}
