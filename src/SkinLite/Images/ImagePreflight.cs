using System.Buffers;
using System.Globalization;

namespace SkinLite;

/// <summary>
/// Checks an image against the service's documented rules (PNG or JPEG by content, at most 5 MiB, 1024 to 2048 pixels
/// per side) and that its structure is whole, without decoding it, so that an image the service would refuse is never
/// uploaded: a PNG's chunks from IHDR (its CRC checked) to IEND, with PLTE, consecutive IDAT chunks and IEND where PNG
/// requires them; a JPEG's marker segments to the frame header and on through every scan to the end-of-image marker.
/// The verdict carries the same <see cref="RejectionReason"/> the service's rejection would. Nothing in the image
/// throws: a broken, truncated or hostile file gives <see cref="RejectionReason.CorruptImage"/>, with a message that
/// names what was found and at which offset. Bytes after the end (IEND, <c>FF D9</c>) are accepted.
/// </summary>
public static class ImagePreflight
{
    /// <summary>The largest file the service takes: 5 MiB (the documentation says "5MB"; the binary reading is the safe one).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The shortest side the service takes, in pixels.</summary>
    public const int MinSide = 1024;

    /// <summary>The longest side the service takes, in pixels.</summary>
    public const int MaxSide = 2048;

    /// <summary>Headers are read in windows of this size; a JPEG segment or PNG chunk that is not needed is skipped, not read.</summary>
    private const int WindowSize = 4096;

    /// <summary>Once the header is read, a seekable stream is read in windows of this size: JPEG scan data, small PNG chunks.</summary>
    private const int ScanWindowSize = 64 * 1024;

    /// <summary>Checks an image held in memory: its size and its whole structure.</summary>
    /// <param name="image">The whole file.</param>
    /// <returns>The verdict.</returns>
    public static ImagePreflightResult Check(ReadOnlySpan<byte> image)
    {
        if (Early(image[..Math.Min(image.Length, 16)], image.Length, image.Length) is { } early)
        {
            return early;
        }

        ImageFormat format = ImageSignature.Format(image);
        HeaderCursor cursor = Start(format, stopAtData: false);
        HeaderVerdict verdict = Step(image, 0, ref cursor);
        return Judge(verdict, cursor, image.Length, image.Length);
    }

    /// <summary>
    /// Checks an image from the current position of <paramref name="image"/>.
    /// <para>
    /// A seekable stream gets the whole check, as bytes in memory do: its size, and its structure to the end. It is read
    /// in 64 KiB windows once the header is read: JPEG scan data is read through, PNG chunk data that reaches past the
    /// window is skipped with <see cref="Stream.Seek"/>. It is put back where it was.
    /// </para>
    /// <para>
    /// A stream that cannot seek is checked only up to the start of the image data, so that the rest of it is not
    /// consumed: the PNG chunks up to the first IDAT (IHDR and its CRC, chunk types and lengths, PLTE for a palette
    /// image, an IEND before any IDAT), the JPEG marker segments up to the first start of scan (SOS; an end of image
    /// before it). Not checked: its size (unknown), a file cut inside or after the image data, a missing IEND or
    /// end-of-image marker, anything after the first IDAT or SOS. It is read in 4 KiB windows, up to the window that
    /// holds the first IDAT or SOS (further only through the ancillary chunks or segments before it, never past
    /// <see cref="MaxFileBytes"/>), and left after the bytes read.
    /// </para>
    /// </summary>
    /// <param name="image">The image stream; left open.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException">The stream cannot be read.</exception>
    /// <exception cref="IOException">Reading the stream failed; that is not an image problem, so it is not turned into a verdict.</exception>
    public static ImagePreflightResult Check(Stream image)
    {
        ValueTask<ImagePreflightResult> check = CheckStreamAsync(image, useAsync: false, CancellationToken.None);
        // Without useAsync every read is synchronous, so the task has already completed.
        return check.GetAwaiter().GetResult();
    }

    /// <summary>Checks the image file at <paramref name="path"/>: its size and its whole structure, skipping PNG image data with seeks.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="FileNotFoundException">There is no such file (the message names the path).</exception>
    /// <exception cref="ArgumentException">The path is a directory, a FIFO, a device or a socket: not an image file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Reading the file failed.</exception>
    public static ImagePreflightResult CheckFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream file = ImageFile.Open(path, FileOptions.None);
        return Check(file);
    }

    /// <summary>Checks the image file at <paramref name="path"/>, as <see cref="CheckFile"/> does, asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="FileNotFoundException">There is no such file (the message names the path).</exception>
    /// <exception cref="ArgumentException">The path is a directory, a FIFO, a device or a socket: not an image file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Reading the file failed.</exception>
    public static async ValueTask<ImagePreflightResult> CheckFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file = ImageFile.Open(path, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            return await CheckStreamAsync(file, useAsync: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One walk for both the synchronous and the asynchronous callers, so the logic exists once.</summary>
    private static async ValueTask<ImagePreflightResult> CheckStreamAsync(Stream image, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.CanRead)
        {
            throw new ArgumentException("The image stream cannot be read.", nameof(image));
        }

        long start = image.CanSeek ? image.Position : -1;
        long size = image.CanSeek ? Math.Max(0, image.Length - start) : 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(image.CanSeek ? ScanWindowSize : WindowSize);
        try
        {
            long windowStart = 0;
            int filled = await ReadAsync(image, buffer.AsMemory(0, WindowSize), useAsync, cancellationToken).ConfigureAwait(false);
            if (Early(buffer.AsSpan(0, Math.Min(filled, 16)), size, image.CanSeek ? size : filled) is { } early)
            {
                return early;
            }

            ImageFormat format = ImageSignature.Format(buffer.AsSpan(0, filled));
            HeaderCursor cursor = Start(format, stopAtData: !image.CanSeek);
            int window = WindowSize;
            while (true)
            {
                HeaderVerdict verdict = Step(buffer.AsSpan(0, filled), windowStart, ref cursor);
                bool atEnd = filled < window;
                if (!verdict.NeedMore || atEnd)
                {
                    return Judge(verdict, cursor, size, windowStart + filled);
                }

                // Move the window to the cursor: keep the bytes it still needs, skip the ones it does not.
                long windowEnd = windowStart + filled;
                int kept = 0;
                if (cursor.Position < windowEnd)
                {
                    kept = (int)(windowEnd - cursor.Position);
                    buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
                }
                else if (!image.CanSeek && cursor.Position > MaxFileBytes)
                {
                    // A PNG chunk may declare up to 2 GiB: read a stream that cannot seek only to the service's limit,
                    // to tell a file cut short from one too large, and never hold more than that in a replay buffer.
                    long gap = MaxFileBytes + 1 - windowEnd;
                    long skipped = gap > 0 ? await SkipAsync(image, gap, buffer, useAsync, cancellationToken).ConfigureAwait(false) : 0;
                    HeaderVerdict limit = skipped < gap
                        ? HeaderVerdict.More
                        : HeaderVerdict.TooLarge($"its {format.ToString().ToUpperInvariant()} data goes on past offset {MaxFileBytes}, and its structure declares data up to offset {cursor.Position}");
                    return Judge(limit, cursor, size, windowEnd + skipped);
                }
                else
                {
                    long gap = cursor.Position - windowEnd;
                    long skipped = await SkipAsync(image, gap, buffer, useAsync, cancellationToken).ConfigureAwait(false);
                    if (skipped < gap)
                    {
                        return Judge(HeaderVerdict.More, cursor, size, windowEnd + skipped);
                    }
                }

                // Past the header (only a seekable stream gets there), larger windows: a JPEG's scan data is read
                // through; PNG chunks that fit in a window are stepped over in it, larger ones skipped with a seek (one
                // 64 KiB read costs less than eight seeks and 4 KiB reads past libpng's 8 KiB IDATs: 0.9 ms against
                // 8.6 ms for 5 MB, see docs/performance.md).
                window = cursor.Width > 0 && image.CanSeek ? ScanWindowSize : WindowSize;
                windowStart = cursor.Position;
                filled = kept + await ReadAsync(image, buffer.AsMemory(kept, window - kept), useAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (start >= 0)
            {
                image.Position = start;
            }
        }
    }

    private static async ValueTask<int> ReadAsync(Stream stream, Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken) =>
        useAsync
            ? await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)
            : stream.ReadAtLeast(buffer.Span, buffer.Length, throwOnEndOfStream: false);

    /// <returns>How many bytes were skipped: fewer than <paramref name="count"/> only at the end of the stream.</returns>
    private static async ValueTask<long> SkipAsync(Stream stream, long count, byte[] scratch, bool useAsync, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            long skipped = Math.Clamp(stream.Length - stream.Position, 0, count);
            stream.Seek(skipped, SeekOrigin.Current);
            return skipped;
        }

        // The walk never goes past MaxFileBytes, so this reads at most that much from a stream that cannot seek.
        long left = count;
        while (left > 0)
        {
            Memory<byte> chunk = scratch.AsMemory(0, (int)Math.Min(left, WindowSize));
            int read = useAsync
                ? await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)
                : stream.Read(chunk.Span);
            if (read == 0)
            {
                break;
            }

            left -= read;
        }

        return count - left;
    }

    private static HeaderCursor Start(ImageFormat format, bool stopAtData) =>
        new() { Format = format, Position = format == ImageFormat.Jpeg ? JpegHeader.FirstSegment : PngChunks.FirstChunk, StopAtData = stopAtData };

    private static HeaderVerdict Step(ReadOnlySpan<byte> window, long windowStart, ref HeaderCursor cursor)
    {
        if (cursor.Format == ImageFormat.Png)
        {
            return PngChunks.Advance(window, windowStart, ref cursor);
        }

        if (cursor.Width == 0)
        {
            HeaderVerdict frame = JpegHeader.Advance(window, windowStart, ref cursor);
            if (frame.NeedMore || frame.Problem is not null)
            {
                return frame;
            }

            cursor.Width = frame.Width;
            cursor.Height = frame.Height;
        }

        return JpegScan.Advance(window, windowStart, ref cursor);
    }

    /// <summary>The verdicts that need no header walk: too large, empty, cut short in the signature, not PNG or JPEG.</summary>
    /// <param name="head">The first bytes (up to 16).</param>
    /// <param name="size">The file size, 0 when unknown.</param>
    /// <param name="available">How many bytes there are at least.</param>
    private static ImagePreflightResult? Early(ReadOnlySpan<byte> head, long size, long available)
    {
        ImageFormat format = ImageSignature.Format(head);
        var info = new ImageInfo(format, 0, 0, size);
        if (size > MaxFileBytes)
        {
            return new ImagePreflightResult(
                RejectionReason.FileTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The image is {size} bytes ({size / 1048576.0:0.00} MiB); the service accepts at most {MaxFileBytes} bytes (5 MiB)."),
                info);
        }

        if (available == 0)
        {
            return new ImagePreflightResult(RejectionReason.UnreadableImage, "The image is empty (0 bytes); the service needs a PNG or JPEG file.", info);
        }

        if (format != ImageFormat.Unknown)
        {
            return null;
        }

        if (ImageSignature.IsCutShortSignature(head))
        {
            return Corrupt(info, $"it ends after {head.Length} bytes, inside the PNG or JPEG signature");
        }

        string what = ImageSignature.KnownOtherFormat(head) is { } known ? $"a {known} file" : $"not a PNG or JPEG (it starts with {Convert.ToHexString(head[..Math.Min(head.Length, 8)])})";
        return new ImagePreflightResult(RejectionReason.UnsupportedFormat, $"The image is {what}; the service accepts only PNG and JPEG.", info);
    }

    private static ImagePreflightResult Judge(HeaderVerdict verdict, in HeaderCursor cursor, long size, long readEnd)
    {
        ImageFormat format = cursor.Format;
        var info = new ImageInfo(format, cursor.Width, cursor.Height, size);
        if (verdict.NeedMore)
        {
            return Corrupt(info, cursor.Width == 0
                ? $"its {format.ToString().ToUpperInvariant()} header is cut short: the data ends after {readEnd} bytes, before the image size"
                : format == ImageFormat.Png ? PngChunks.CutShort(cursor, readEnd) : JpegScan.CutShort(cursor, readEnd));
        }

        if (verdict.Problem is { } problem)
        {
            return verdict.Reason == RejectionReason.FileTooLarge
                ? new ImagePreflightResult(RejectionReason.FileTooLarge, $"The image is larger than the {MaxFileBytes} bytes (5 MiB) the service accepts: {problem}.", info)
                : Corrupt(info, problem);
        }

        int width = verdict.Width;
        int height = verdict.Height;
        if (width < MinSide || height < MinSide)
        {
            return new ImagePreflightResult(RejectionReason.ResolutionTooSmall, $"The image is {width}x{height} pixels; the service needs at least {MinSide}x{MinSide}.", info);
        }

        if (width > MaxSide || height > MaxSide)
        {
            return new ImagePreflightResult(RejectionReason.ResolutionTooLarge, $"The image is {width}x{height} pixels; the service accepts at most {MaxSide}x{MaxSide}.", info);
        }

        return new ImagePreflightResult(RejectionReason.None, $"The image is a {width}x{height} {format.ToString().ToUpperInvariant()}, within the service's limits.", info);
    }

    private static ImagePreflightResult Corrupt(ImageInfo info, string problem) =>
        new(RejectionReason.CorruptImage, $"The image cannot be read: {problem}.", info);
}
