namespace SkinLite.Imaging;

/// <summary>
/// What <see cref="ImageFitter.Assess(ReadOnlySpan{byte})"/> found from the file's headers, without decoding pixels:
/// whether the image needs fitting, why, and whether it can be fitted.
/// </summary>
public sealed class FitAssessment
{
    internal FitAssessment(string sourceFormat, int width, int height, int orientation, PhotoMetadata metadata, FitReasons reasons, RejectionReason refusalReason, string? refusal, (int Width, int Height) target)
    {
        SourceFormat = sourceFormat;
        Width = width;
        Height = height;
        Orientation = orientation;
        Metadata = metadata;
        Reasons = reasons;
        RefusalReason = refusalReason;
        Refusal = refusal;
        (TargetWidth, TargetHeight) = target;
    }

    /// <summary>The format read from the content: <c>JPEG</c>, <c>PNG</c> or <c>WebP</c> (or what was found, when it cannot be read).</summary>
    public string SourceFormat { get; }

    /// <summary>The upright width in pixels (after the EXIF orientation is applied); 0 when unknown.</summary>
    public int Width { get; }

    /// <summary>The upright height in pixels; 0 when unknown.</summary>
    public int Height { get; }

    /// <summary>The EXIF orientation, 1-8 (1: stored upright).</summary>
    public int Orientation { get; }

    /// <summary>The metadata the file carries.</summary>
    public PhotoMetadata Metadata { get; }

    /// <summary>Why the image needs fitting; <see cref="FitReasons.None"/> when it is sent as it is.</summary>
    public FitReasons Reasons { get; }

    /// <summary>Whether the image can be fitted (or needs nothing).</summary>
    public bool CanFit => Refusal is null;

    /// <summary>Whether the image will be changed before it is sent.</summary>
    public bool NeedsFitting => CanFit && Reasons != FitReasons.None;

    /// <summary>When it cannot be fitted, the rejection the service would give it as it is; otherwise <see cref="RejectionReason.None"/>.</summary>
    public RejectionReason RefusalReason { get; }

    /// <summary>When it cannot be fitted, what was found and what would work; otherwise null.</summary>
    public string? Refusal { get; }

    /// <summary>The fitted width; 0 when it cannot be fitted.</summary>
    public int TargetWidth { get; }

    /// <summary>The fitted height; 0 when it cannot be fitted.</summary>
    public int TargetHeight { get; }

    /// <summary>What fitting would change, e.g. <c>4032x3024 → 2016x1512, rotate 90°, remove location and device metadata</c>; empty when nothing.</summary>
    public string Changes => Sizing.FitText.Changes(this);

    /// <summary>One line, e.g. <c>fitting would fix it: 4032x3024 → 2048x1536, rotate 90°, remove location and device metadata</c>.</summary>
    public override string ToString() => Sizing.FitText.Assessment(this);
}
