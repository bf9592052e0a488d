namespace SkinLite;

/// <summary>The image failed the preflight (<see cref="ImagePreflight"/>), so it was not sent: the service would have refused it.</summary>
public sealed class SkinLitePreflightException : SkinLiteException
{
    /// <summary>Creates the exception for a failed preflight.</summary>
    /// <param name="result">The verdict; its message becomes the exception's.</param>
    public SkinLitePreflightException(ImagePreflightResult result)
        : base($"{result.Message} Nothing was sent (SkinLiteClientOptions.SkipPreflight turns this check off).")
    {
        Result = result;
    }

    /// <summary>The full verdict, with what the header said.</summary>
    public ImagePreflightResult Result { get; }

    /// <summary>Why the service would refuse the image: the same reason its rejection would carry.</summary>
    public RejectionReason Reason => Result.Reason;
}
