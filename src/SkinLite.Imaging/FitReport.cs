namespace SkinLite.Imaging;

/// <summary>What <see cref="ImageFitter"/> did to an image, for telling the user.</summary>
public sealed class FitReport
{
    internal FitReport(FitAssessment assessment, long bytesBefore)
    {
        Assessment = assessment;
        BytesBefore = bytesBefore;
        BytesAfter = bytesBefore;
        Width = assessment.Width;
        Height = assessment.Height;
        DecodedWidth = assessment.Width;
        DecodedHeight = assessment.Height;
    }

    /// <summary>What the headers said before fitting: format, upright size, orientation, metadata, reasons.</summary>
    public FitAssessment Assessment { get; }

    /// <summary>Whether the image was changed; false: the bytes sent are the caller's, untouched.</summary>
    public bool Changed => Assessment.Reasons != FitReasons.None;

    /// <summary>The width and height at which the pixels were decoded (JPEG decodes at 1/2, 1/4 or 1/8 scale when that still covers the output), stored orientation.</summary>
    public int DecodedWidth { get; internal set; }

    /// <summary>See <see cref="DecodedWidth"/>.</summary>
    public int DecodedHeight { get; internal set; }

    /// <summary>The output width in pixels, upright.</summary>
    public int Width { get; internal set; }

    /// <summary>The output height in pixels, upright.</summary>
    public int Height { get; internal set; }

    /// <summary>How far the pixels were turned clockwise to stand upright: 0, 90, 180 or 270.</summary>
    public int RotationDegrees => Changed ? Sizing.Orientation.RotationDegrees(Assessment.Orientation) : 0;

    /// <summary>Whether the pixels were mirrored (before the rotation) to stand upright.</summary>
    public bool Mirrored => Changed && Sizing.Orientation.IsMirrored(Assessment.Orientation);

    /// <summary>Output long side over the upright source's long side: 1 when not scaled, below 1 when scaled down.</summary>
    public double Scale => Assessment.Width == 0 ? 1 : (double)Math.Max(Width, Height) / Math.Max(Assessment.Width, Assessment.Height);

    /// <summary>The JPEG quality used; null when the image was not re-encoded.</summary>
    public int? Quality { get; internal set; }

    /// <summary>The size of the file given.</summary>
    public long BytesBefore { get; }

    /// <summary>The size of the image to send.</summary>
    public long BytesAfter { get; internal set; }

    /// <summary>The metadata removed: all the source carried when the image was re-encoded, none otherwise.</summary>
    public PhotoMetadata MetadataRemoved => Changed ? Assessment.Metadata : PhotoMetadata.None;

    /// <summary>One line, e.g. <c>fitted: 4032x3024 → 2048x1536, rotated 90°, location and device metadata removed, 4.1 MB → 0.7 MB</c>.</summary>
    public override string ToString() => Sizing.FitText.Report(this);
}
