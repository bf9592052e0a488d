using SkiaSharp;
using SkinLite.Imaging.Metadata;
using SkinLite.Imaging.Sizing;

namespace SkinLite.Imaging.Decoding;

/// <summary>An opened image: its codec (headers read, no pixels yet) and what the fitter decided about it.</summary>
internal sealed class SourceImage : IDisposable
{
    /// <summary>The largest frame decoded, in pixels (256 MB of RGBA): a bigger one is a decompression bomb, not a photo.</summary>
    public const long MaxDecodedPixels = 64L * 1024 * 1024;

    /// <summary>The codec's copy of the file, in native memory: freed with the codec, not left to a finaliser (a fit allocates almost nothing managed, so the GC would not run for many fits).</summary>
    private readonly SKData? _data;

    private SourceImage(FitAssessment assessment, SKCodec? codec, SKData? data = null, DecodePlan plan = default)
    {
        Assessment = assessment;
        Codec = codec;
        Plan = plan;
        _data = data;
    }

    public FitAssessment Assessment { get; }

    /// <summary>How to decode, when the image needs fitting.</summary>
    public DecodePlan Plan { get; }

    /// <summary>Null when the image cannot be fitted.</summary>
    public SKCodec? Codec { get; }

    public static SourceImage Open(ReadOnlySpan<byte> bytes, ImageFitOptions options)
    {
        if (bytes.IsEmpty)
        {
            return Refused("empty", RejectionReason.UnreadableImage, "The image is empty (0 bytes).");
        }

        if (SourceFormat.Decodable(bytes) is not { } format)
        {
            return Refused(ImageSignature.KnownOtherFormat(bytes) ?? "unknown", RejectionReason.UnsupportedFormat, SourceFormat.Refusal(bytes));
        }

        if (format != SourceFormat.Webp && ImagePreflight.Check(bytes) is { Reason: RejectionReason.CorruptImage or RejectionReason.UnreadableImage } broken)
        {
            return Refused(format, broken.Reason, broken.Message);
        }

        SKData data = SKData.CreateCopy(bytes);
        SKCodec? codec = SKCodec.Create(data);
        if (codec is null)
        {
            data.Dispose();
            return Refused(format, RejectionReason.CorruptImage, $"The image cannot be read: its {format} data is not valid.");
        }

        SourceFacts facts = format switch
        {
            SourceFormat.Jpeg => JpegMetadata.Scan(bytes),
            SourceFormat.Png => PngMetadata.Scan(bytes),
            _ => WebpMetadata.Scan(bytes),
        };
        // The codec's orientation is the one its pixels follow; a PNG eXIf it does not read still counts.
        int orientation = codec.EncodedOrigin is > SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom ? (int)codec.EncodedOrigin : facts.Orientation;
        (int width, int height) = Orientation.SwapsSides(orientation) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        if (Refusal(format, width, height) is { } refusal)
        {
            codec.Dispose();
            data.Dispose();
            return new SourceImage(new FitAssessment(format, width, height, orientation, facts.Metadata, FitReasons.None, refusal.Reason, refusal.Message, (0, 0)), null);
        }

        FitReasons reasons = Reasons(format, bytes.Length, codec, facts, orientation, options);
        DecodePlan plan = reasons == FitReasons.None ? new(codec.Info.Width, codec.Info.Height, width, height) : DecodePlan.For(codec, orientation);
        var assessment = new FitAssessment(format, width, height, orientation, facts.Metadata, reasons, RejectionReason.None, null, (plan.Width, plan.Height));
        return new SourceImage(assessment, codec, data, plan);
    }

    public void Dispose()
    {
        Codec?.Dispose();
        _data?.Dispose();
    }

    private static (RejectionReason Reason, string Message)? Refusal(string format, int width, int height)
    {
        if (FitGeometry.Refusal(width, height) is { } small)
        {
            return (RejectionReason.ResolutionTooSmall, small);
        }

        // JPEG decodes at down to 1/8 scale and WebP at the output size; PNG decodes whole.
        long limit = format switch
        {
            SourceFormat.Png => MaxDecodedPixels,
            SourceFormat.Jpeg => MaxDecodedPixels * 64,
            _ => long.MaxValue,
        };
        return (long)width * height > limit
            ? (RejectionReason.ResolutionTooLarge, $"The image is {width}x{height} pixels; SkinLite.Imaging decodes a {format} of up to {limit / 1_000_000} megapixels.")
            : null;
    }

    private static FitReasons Reasons(string format, int length, SKCodec codec, SourceFacts facts, int orientation, ImageFitOptions options)
    {
        FitReasons reasons = FitReasons.None;
        if (format == SourceFormat.Webp) reasons |= FitReasons.Format;
        if (Math.Max(codec.Info.Width, codec.Info.Height) > ImagePreflight.MaxSide) reasons |= FitReasons.Dimensions;
        if (length > ImagePreflight.MaxFileBytes) reasons |= FitReasons.FileSize;
        if (orientation != 1) reasons |= FitReasons.Orientation;
        if (!options.KeepMetadata && (facts.Metadata & ~PhotoMetadata.ColorProfile) != PhotoMetadata.None) reasons |= FitReasons.Metadata;
        if (codec.Info.ColorSpace is { IsSrgb: false }) reasons |= FitReasons.ColorProfile;
        if (facts.FourComponents) reasons |= FitReasons.Cmyk;
        if (facts.MayHaveAlpha && codec.Info.AlphaType != SKAlphaType.Opaque) reasons |= FitReasons.Transparency;
        return reasons;
    }

    private static SourceImage Refused(string format, RejectionReason reason, string message) =>
        new(new FitAssessment(format, 0, 0, 1, PhotoMetadata.None, FitReasons.None, reason, message, (0, 0)), null);
}
