namespace SkinLite;

/// <summary>The service's documented rejection messages, verbatim, and the reason each one stands for.</summary>
public static class RejectionMessages
{
    /// <summary><c>No face detected</c></summary>
    public const string NoFaceDetected = "No face detected";

    /// <summary><c>Failed to read Image</c></summary>
    public const string UnreadableImage = "Failed to read Image";

    /// <summary><c>File size exceeds 5MB limit.</c></summary>
    public const string FileTooLarge = "File size exceeds 5MB limit.";

    /// <summary><c>Unable to open image. Invalid or corrupted file.</c></summary>
    public const string CorruptImage = "Unable to open image. Invalid or corrupted file.";

    /// <summary><c>Unsupported image format. Only PNG, JPG, or JPEG is allowed.</c></summary>
    public const string UnsupportedFormat = "Unsupported image format. Only PNG, JPG, or JPEG is allowed.";

    /// <summary><c>Image dimensions are too small. Min required resolution 1024x1024 pixels.</c></summary>
    public const string ResolutionTooSmall = "Image dimensions are too small. Min required resolution 1024x1024 pixels.";

    /// <summary><c>Image resolution too large. Max allowed resolution 2048x2048 pixels.</c></summary>
    public const string ResolutionTooLarge = "Image resolution too large. Max allowed resolution 2048x2048 pixels.";

    /// <summary>The reason a message stands for: exact documented text (ignoring case and surrounding white space), else <see cref="RejectionReason.Unknown"/>.</summary>
    /// <param name="message">The <c>output.error</c> text.</param>
    public static RejectionReason Classify(string? message)
    {
        ReadOnlySpan<char> text = message.AsSpan().Trim();
        foreach (RejectionReason reason in Documented)
        {
            if (text.Equals(MessageFor(reason), StringComparison.OrdinalIgnoreCase))
            {
                return reason;
            }
        }

        return RejectionReason.Unknown;
    }

    /// <summary>The documented message of a reason, or <see langword="null"/> for <see cref="RejectionReason.None"/> and <see cref="RejectionReason.Unknown"/>.</summary>
    /// <param name="reason">The reason.</param>
    public static string? MessageFor(RejectionReason reason) => reason switch
    {
        RejectionReason.NoFaceDetected => NoFaceDetected,
        RejectionReason.UnreadableImage => UnreadableImage,
        RejectionReason.FileTooLarge => FileTooLarge,
        RejectionReason.CorruptImage => CorruptImage,
        RejectionReason.UnsupportedFormat => UnsupportedFormat,
        RejectionReason.ResolutionTooSmall => ResolutionTooSmall,
        RejectionReason.ResolutionTooLarge => ResolutionTooLarge,
        _ => null,
    };

    private static ReadOnlySpan<RejectionReason> Documented =>
    [
        RejectionReason.NoFaceDetected, RejectionReason.UnreadableImage, RejectionReason.FileTooLarge, RejectionReason.CorruptImage,
        RejectionReason.UnsupportedFormat, RejectionReason.ResolutionTooSmall, RejectionReason.ResolutionTooLarge,
    ];
}
