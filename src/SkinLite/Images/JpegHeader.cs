using System.Buffers.Binary;

namespace SkinLite;

/// <summary>
/// Walks a JPEG's marker segments (APPn/EXIF, DQT, DHT, ...) to the frame header (SOFn, baseline or progressive) that
/// holds the size, leaving the cursor after it for <see cref="JpegScan"/>. Resumable: it stops with
/// <see cref="HeaderVerdict.NeedMore"/> where its window of bytes ends.
/// </summary>
internal static class JpegHeader
{
    /// <summary>The marker segments allowed before the frame header; real files have a few dozen at most (ICC profiles split into chunks).</summary>
    public const int MaxSegments = 1024;

    /// <summary>Where the walk starts: just after the <c>FF D8</c> start-of-image marker.</summary>
    public const long FirstSegment = 2;

    public static HeaderVerdict Advance(ReadOnlySpan<byte> window, long windowStart, ref HeaderCursor cursor)
    {
        while (true)
        {
            if (cursor.Position >= ImagePreflight.MaxFileBytes)
            {
                return HeaderVerdict.Corrupt($"its JPEG header runs past {ImagePreflight.MaxFileBytes} bytes without a frame header (SOF)");
            }

            long offset = cursor.Position - windowStart;
            if (offset >= window.Length)
            {
                return HeaderVerdict.More;
            }

            ReadOnlySpan<byte> rest = window[(int)offset..];
            JpegMarker kind = JpegMarkers.At(rest);
            if (kind == JpegMarker.Missing)
            {
                return HeaderVerdict.Corrupt($"its JPEG header has the byte 0x{rest[0]:X2} at offset {cursor.Position} where a marker should start");
            }

            if (kind == JpegMarker.NeedMore)
            {
                return HeaderVerdict.More;
            }

            if (JpegMarkers.Skip(kind, ref cursor.Position))
            {
                continue;
            }

            byte marker = rest[1];

            if (marker is 0x00 or 0xD8 or 0xD9 or 0xDA)
            {
                return HeaderVerdict.Corrupt($"its JPEG header reaches the marker FF {marker:X2} at offset {cursor.Position} before any frame header (SOF) gives the image size");
            }

            if (rest.Length < 4)
            {
                return HeaderVerdict.More;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (IsFrameHeader(marker))
            {
                HeaderVerdict frame = ReadFrameHeader(rest, length, cursor.Position);
                if (!frame.NeedMore && frame.Problem is null)
                {
                    // The scan walk (JpegScan) goes on after the frame header.
                    cursor.Position += 2 + length;
                }

                return frame;
            }

            if (length < 2)
            {
                return HeaderVerdict.Corrupt($"its JPEG segment FF {marker:X2} at offset {cursor.Position} declares a length of {length}; the least possible is 2");
            }

            if (++cursor.Segments > MaxSegments)
            {
                return HeaderVerdict.Corrupt($"its JPEG header has more than {MaxSegments} segments before the frame header (SOF)");
            }

            cursor.Position += 2 + length;
        }
    }

    private static HeaderVerdict ReadFrameHeader(ReadOnlySpan<byte> segment, int length, long position)
    {
        // FF Cn, length (2), sample precision (1), height (2), width (2), component count (1), ...
        if (length < 8)
        {
            return HeaderVerdict.Corrupt($"its JPEG frame header at offset {position} declares a length of {length}; it needs at least 8");
        }

        if (segment.Length < 9)
        {
            return HeaderVerdict.More;
        }

        int height = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(segment[7..]);
        if (width == 0 || height == 0)
        {
            return HeaderVerdict.Corrupt($"its JPEG frame header declares {width}x{height} pixels");
        }

        return HeaderVerdict.Size(width, height);
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}
