namespace SkinLite;

/// <summary>Why the service refused an image. Each documented message has its own reason; any other message is <see cref="Unknown"/>.</summary>
public enum RejectionReason
{
    /// <summary>Not a rejection.</summary>
    None = 0,

    /// <summary>A message the documentation does not list; <see cref="AnalysisOutcome.Message"/> keeps it.</summary>
    Unknown = 1,

    /// <summary><c>No face detected</c>.</summary>
    NoFaceDetected = 2,

    /// <summary><c>Failed to read Image</c>: the file could not be read.</summary>
    UnreadableImage = 3,

    /// <summary><c>File size exceeds 5MB limit.</c></summary>
    FileTooLarge = 4,

    /// <summary><c>Unable to open image. Invalid or corrupted file.</c></summary>
    CorruptImage = 5,

    /// <summary><c>Unsupported image format. Only PNG, JPG, or JPEG is allowed.</c></summary>
    UnsupportedFormat = 6,

    /// <summary><c>Image dimensions are too small. Min required resolution 1024x1024 pixels.</c></summary>
    ResolutionTooSmall = 7,

    /// <summary><c>Image resolution too large. Max allowed resolution 2048x2048 pixels.</c></summary>
    ResolutionTooLarge = 8,
}
