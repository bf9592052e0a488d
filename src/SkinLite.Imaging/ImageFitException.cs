namespace SkinLite.Imaging;

/// <summary>
/// The image cannot be fitted to the service's rules: it cannot be read (corrupt, cut short, a format SkinLite.Imaging
/// does not decode) or it is too small (SkinLite never enlarges a photo). Nothing was sent.
/// </summary>
public sealed class ImageFitException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The rejection the service would give.</param>
    /// <param name="message">What was found and what would work.</param>
    public ImageFitException(RejectionReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The rejection the service would give the image as it is.</summary>
    public RejectionReason Reason { get; }
}
