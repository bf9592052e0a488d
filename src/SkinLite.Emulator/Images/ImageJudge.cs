using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>
/// Decides what the emulated service does with an image, by the real service's rules: SkinLite's own header preflight
/// (size, format, dimensions, broken headers), then a whole-file check that the image data is complete (a truncated
/// upload), then the documented markers; otherwise an analysis seeded by the image's SHA-256, so the same bytes always
/// give the same result.
/// </summary>
internal static class ImageJudge
{
    private static readonly byte[] NoFace = Encoding.ASCII.GetBytes(SkinAnalysisEmulator.NoFaceMarker);
    private static readonly byte[] Failure = Encoding.ASCII.GetBytes(SkinAnalysisEmulator.FailureMarker);

    public static ImageVerdict Judge(ReadOnlySpan<byte> image)
    {
        ImagePreflightResult preflight = ImagePreflight.Check(image);
        ImageFormat format = preflight.Info.Format;
        if (!preflight.IsValid)
        {
            return ImageVerdict.Rejected(preflight.Reason, format);
        }

        if (!IsComplete(image, format))
        {
            return ImageVerdict.Rejected(RejectionReason.CorruptImage, format);
        }

        if (image.IndexOf(NoFace) >= 0)
        {
            return ImageVerdict.Rejected(RejectionReason.NoFaceDetected, format);
        }

        if (image.IndexOf(Failure) >= 0)
        {
            return ImageVerdict.Failed(format);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(image, hash);
        return new ImageVerdict(OutcomeKind.Succeeded, RejectionReason.None, BinaryPrimitives.ReadUInt64BigEndian(hash), format);
    }

    /// <summary>
    /// Whether the image data reaches its end: a PNG has its IEND chunk, a JPEG has an end-of-image marker after its
    /// last start-of-scan (an EXIF thumbnail's own markers come earlier). Bytes after the end (such as a marker) are allowed.
    /// </summary>
    private static bool IsComplete(ReadOnlySpan<byte> image, ImageFormat format)
    {
        if (format == ImageFormat.Png)
        {
            return image.LastIndexOf((ReadOnlySpan<byte>)[(byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]) > 0;
        }

        int scan = image.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        return scan > 0 && image[scan..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) > 0;
    }
}
