using SkiaSharp;
using SkinLite.Imaging.Decoding;
using SkinLite.Imaging.Writing;
using SkinLite.Imaging.Sizing;

namespace SkinLite.Imaging;

/// <summary>
/// Fits any photo to the service's rules: the EXIF orientation applied to the pixels, the long side scaled down to at
/// most 2048 pixels (never up), sRGB, transparency flattened onto white, a JPEG under 5 MiB with no metadata. An image
/// that already meets every rule and carries nothing to remove is returned as it is, bytes untouched. Reads JPEG
/// (baseline, progressive, CMYK), PNG (any bit depth, palette, alpha, interlaced) and WebP; HEIC is refused with a
/// message saying how to convert it. Thread-safe: one instance can serve every request.
/// </summary>
public sealed class ImageFitter
{
    /// <summary>The largest file read from a stream or a path (256 MiB): a 48 MP PNG is well under it.</summary>
    public const long MaxInputBytes = 256L * 1024 * 1024;

    private readonly ImageFitOptions _options;

    /// <summary>Creates a fitter with the default options.</summary>
    public ImageFitter()
        : this(new ImageFitOptions())
    {
    }

    /// <summary>Creates a fitter.</summary>
    /// <param name="options">How to fit; read once, here.</param>
    /// <exception cref="ArgumentOutOfRangeException">A quality is out of range.</exception>
    public ImageFitter(ImageFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = new ImageFitOptions { KeepMetadata = options.KeepMetadata, Quality = options.Quality, MinimumQuality = options.MinimumQuality };
    }

    /// <summary>Reads the image's headers (no pixels are decoded) and says whether it needs fitting, why, and whether it can be fitted.</summary>
    /// <param name="image">The whole file.</param>
    /// <returns>The assessment; it never throws for a bad image.</returns>
    public FitAssessment Assess(ReadOnlySpan<byte> image)
    {
        using SourceImage source = SourceImage.Open(image, _options);
        return source.Assessment;
    }

    /// <summary>Fits an image held in memory.</summary>
    /// <param name="image">The whole file; returned as it is (not copied) when it needs nothing.</param>
    /// <param name="fileName">The name to upload under; its extension becomes <c>.jpg</c> when the image is re-encoded.</param>
    /// <returns>The image to send, with a report of what was done.</returns>
    /// <exception cref="ImageFitException">The image cannot be fitted: unreadable, corrupt, a format not decoded here, or too small. The message says why and what would work.</exception>
    public FittedImage Fit(ReadOnlyMemory<byte> image, string? fileName = null) => Fit(image, fileName, owner: null);

    /// <param name="image">The whole file.</param>
    /// <param name="fileName">The name to upload under.</param>
    /// <param name="owner">The pooled buffer that holds <paramref name="image"/>, if any: handed to the result when the image is sent as it is, returned to the pool otherwise.</param>
    private FittedImage Fit(ReadOnlyMemory<byte> image, string? fileName, PooledBytes? owner)
    {
        try
        {
            using SourceImage source = SourceImage.Open(image.Span, _options);
            FitAssessment assessment = source.Assessment;
            if (source.Codec is not { } codec)
            {
                throw new ImageFitException(assessment.RefusalReason, assessment.Refusal!);
            }

            var report = new FitReport(assessment, image.Length);
            string name = string.IsNullOrWhiteSpace(fileName) ? "image" : Path.GetFileName(fileName);
            if (!report.Changed)
            {
                var untouched = new FittedImage(image, owner, name, report);
                owner = null;
                return untouched;
            }

            PooledBytes jpeg = Render(codec, source.Plan, report);
            return new FittedImage(jpeg.Memory, jpeg, Path.ChangeExtension(name, ".jpg"), report);
        }
        finally
        {
            owner?.Dispose();
        }
    }

    /// <summary>Fits an image read from a stream to its end.</summary>
    /// <param name="image">The image; read to its end and left open.</param>
    /// <param name="fileName">The name to upload under.</param>
    /// <returns>The image to send.</returns>
    /// <exception cref="ImageFitException">The image cannot be fitted, or the stream holds more than <see cref="MaxInputBytes"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public FittedImage Fit(Stream image, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.CanSeek)
        {
            PooledBytes input = new(InputLength(image.Length - image.Position));
            try
            {
                image.ReadExactly(input.Memory.Span);
            }
            catch
            {
                input.Dispose();
                throw;
            }

            return Fit(input.Memory, fileName, input);
        }

        // A stream that cannot seek is read in chunks, up to one byte past the limit so that an endless one is refused.
        var copy = new MemoryStream();
        byte[] chunk = new byte[81920];
        for (int read; (read = image.Read(chunk)) > 0;)
        {
            copy.Write(chunk, 0, read);
            InputLength(copy.Length);
        }

        return Fit(copy.GetBuffer().AsMemory(0, (int)copy.Length), fileName, owner: null);
    }

    /// <summary>Fits the image file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read (fitting itself is not interrupted).</param>
    /// <returns>The image to send, named after the file.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException">The path is a directory, a FIFO, a device or a socket.</exception>
    /// <exception cref="ImageFitException">The image cannot be fitted.</exception>
    public async Task<FittedImage> FitFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file = ImageFile.Open(path, FileOptions.Asynchronous | FileOptions.SequentialScan);
        PooledBytes input;
        await using (file.ConfigureAwait(false))
        {
            input = new PooledBytes(InputLength(file.Length));
            try
            {
                await file.ReadExactlyAsync(input.Memory, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                input.Dispose();
                throw;
            }
        }

        return Fit(input.Memory, path, input);
    }

    private static int InputLength(long length) =>
        length <= MaxInputBytes
            ? (int)length
            : throw new ImageFitException(RejectionReason.FileTooLarge, $"The image is over {MaxInputBytes} bytes (256 MiB); SkinLite.Imaging reads photos of up to that size.");

    private PooledBytes Render(SKCodec codec, DecodePlan plan, FitReport report)
    {
        FitAssessment assessment = report.Assessment;
        (int width, int height) = (plan.Width, plan.Height);
        (int storedWidth, int storedHeight) = Orientation.SwapsSides(assessment.Orientation) ? (height, width) : (width, height);
        bool alpha = assessment.Reasons.HasFlag(FitReasons.Transparency);
        SKBitmap decoded = ScaledDecoder.Decode(codec, plan, alpha);
        report.DecodedWidth = decoded.Width;
        report.DecodedHeight = decoded.Height;
        decoded = ScaledDecoder.HalveTowards(decoded, storedWidth, storedHeight);
        SKBitmap output;
        using (decoded)
        {
            output = UprightRenderer.Render(decoded, assessment.Orientation, width, height);
        }

        using (output)
        {
            PooledBytes jpeg = JpegWriter.Encode(output, _options, out int quality);
            report.Width = width;
            report.Height = height;
            report.Quality = quality;
            report.BytesAfter = jpeg.Length;
            return jpeg;
        }
    }
}
