namespace SkinLite;

/// <summary>
/// The verdict of <see cref="ImagePreflight"/>: whether the service would take the image, and if not, the same
/// <see cref="RejectionReason"/> the service's rejection would carry, with a message naming the measured value and the limit.
/// </summary>
public readonly struct ImagePreflightResult
{
    private readonly string? _message;

    internal ImagePreflightResult(RejectionReason reason, string message, ImageInfo info)
    {
        Reason = reason;
        _message = message;
        Info = info;
    }

    /// <summary>Whether the image meets every rule the preflight can check.</summary>
    public bool IsValid => Reason == RejectionReason.None;

    /// <summary>Why the service would refuse the image; <see cref="RejectionReason.None"/> when <see cref="IsValid"/>.</summary>
    public RejectionReason Reason { get; }

    /// <summary>What was found, naming the measured value and the limit, e.g. <c>The image is 812x640 pixels; the service needs at least 1024x1024.</c></summary>
    public string Message => _message ?? string.Empty;

    /// <summary>What the header said: format, dimensions and size, as far as they could be read.</summary>
    public ImageInfo Info { get; }

    /// <summary>Describes the verdict, e.g. <c>ResolutionTooSmall: The image is 812x640 pixels; ...</c>.</summary>
    public override string ToString() => IsValid ? $"Valid: {Message}" : $"{Reason}: {Message}";
}
