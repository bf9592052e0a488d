using SkiaSharp;

namespace SkinLite.Imaging.Writing;

/// <summary>
/// Encodes the output as a baseline JPEG with no metadata at the configured quality, stepping down by 5 only while the
/// file is over the service's 5 MiB. Colour is kept at full resolution (4:4:4, as libvips does at quality 90 and
/// above): the analysis reads redness and pigment spots, and halving the colour planes costs more there than the
/// bytes it saves (docs/performance.md).
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
            if (!pixmap.Encode(stream, new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample444, SKJpegEncoderAlphaOption.Ignore)))
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
