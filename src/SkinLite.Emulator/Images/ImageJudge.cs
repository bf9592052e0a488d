using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>
/// Decides what the emulated service does with an image, by the real service's rules: SkinLite's own header preflight
/// (size, format, dimensions, and the whole PNG chunk structure or JPEG scans to their end, so a truncated upload is
/// refused as <see cref="RejectionReason.CorruptImage"/>), then the documented markers; otherwise an analysis seeded by the image's SHA-256, so the same bytes always
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
}
