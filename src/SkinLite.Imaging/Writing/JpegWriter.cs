using SkiaSharp;

namespace SkinLite.Imaging.Writing;

/// <summary>
/// Encodes the output as a baseline JPEG (4:2:0, no metadata) at the configured quality, stepping down by 5 only
/// while the file is over the service's 5 MiB. Not 4:4:4: a phone JPEG's colour planes are already at half
/// resolution, and a straight DCT decode at 1/2 keeps them so, so full-resolution colour measured no better
/// (37.5 dB against 37.6 dB) for 73 % more bytes and a slower encode (docs/performance.md).
/// </summary>
internal static class JpegWriter
{
    private const int QualityStep = 5;

    public static PooledBytes Encode(SKBitmap bitmap, ImageFitOptions options, out int quality)
    {
        using SKPixmap pixmap = bitmap.PeekPixels();
        for (quality = options.Quality; ; quality = Math.Max(options.MinimumQuality, quality - QualityStep))
        {
            using var stream = new SKDynamicMemoryWStream();
            if (!pixmap.Encode(stream, new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)))
            {
                throw new InvalidOperationException("SkiaSharp's JPEG encoder failed.");
            }

            if (stream.BytesWritten <= ImagePreflight.MaxFileBytes)
            {
                var bytes = new PooledBytes(stream.BytesWritten);
                stream.CopyTo(bytes.Memory.Span);
                return bytes;
            }

            if (quality == options.MinimumQuality)
            {
                throw new ImageFitException(RejectionReason.FileTooLarge, $"The fitted image is still {stream.BytesWritten} bytes at JPEG quality {quality}, over the service's {ImagePreflight.MaxFileBytes} (5 MiB). Lower ImageFitOptions.MinimumQuality to allow a smaller file.");
            }
        }
    }
}
