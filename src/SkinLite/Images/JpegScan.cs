using System.Buffers.Binary;

namespace SkinLite;

/// <summary>
/// Walks a JPEG from just after its frame header (SOF) to the end-of-image marker (<c>FF D9</c>): the marker segments
/// (DHT, DQT, DRI, APPn, ...) are skipped by their length, and each start of scan (SOS; a progressive JPEG has many) is
/// followed through its entropy-coded data, where <c>FF 00</c> is a stuffed byte, <c>FF D0</c>-<c>FF D7</c> are restart
/// markers, <c>FF FF</c> is fill and any other <c>FF xx</c> ends the scan. An end of image with no scan before it, or
/// data that ends without one, is corrupt; bytes after the end of image (camera trailers) are ignored. Resumable: it
/// stops with <see cref="HeaderVerdict.NeedMore"/> where its window of bytes ends.
/// </summary>
internal static class JpegScan
{
    public static HeaderVerdict Advance(ReadOnlySpan<byte> window, long windowStart, ref HeaderCursor cursor)
    {
        while (true)
        {
            long offset = cursor.Position - windowStart;
            if (offset < 0 || offset >= window.Length)
            {
                return HeaderVerdict.More;
            }

            if (cursor.Position >= ImagePreflight.MaxFileBytes)
            {
                // Only a stream that cannot seek (its size unknown) gets here: the bytes at this offset are there.
                return HeaderVerdict.TooLarge($"its JPEG data goes on at offset {cursor.Position} without the end-of-image marker (FF D9)");
            }

            ReadOnlySpan<byte> rest = window[(int)offset..];
            if (cursor.InScan)
            {
                // Entropy-coded data: jump to the next FF (vectorised) and look at the byte after it.
                int found = rest.IndexOf((byte)0xFF);
                if (found < 0)
                {
                    cursor.Position += rest.Length;
                    return HeaderVerdict.More;
                }

                cursor.Position += found;
                if (found + 1 >= rest.Length)
                {
                    return HeaderVerdict.More;
                }

                byte next = rest[found + 1];
                if (next is 0x00 or >= 0xD0 and <= 0xD7)
                {
                    cursor.Position += 2;
                }
                else if (next == 0xFF)
                {
                    cursor.Position++;
                }
                else
                {
                    // A marker: the scan is over; read it as a segment.
                    cursor.InScan = false;
                }

                continue;
            }

            JpegMarker kind = JpegMarkers.At(rest);
            if (kind == JpegMarker.Missing)
            {
                return HeaderVerdict.Corrupt($"its JPEG data has the byte 0x{rest[0]:X2} at offset {cursor.Position} where a marker should start");
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

            if (marker == 0xD9)
            {
                return cursor.SeenScan
                    ? HeaderVerdict.Size(cursor.Width, cursor.Height)
                    : HeaderVerdict.Corrupt($"its JPEG data reaches the end-of-image marker (FF D9) at offset {cursor.Position} before any scan (SOS): it holds no image data");
            }

            if (marker is 0x00 or 0xD8)
            {
                return HeaderVerdict.Corrupt($"its JPEG data has the marker FF {marker:X2} at offset {cursor.Position}, which cannot appear there");
            }

            if (rest.Length < 4)
            {
                return HeaderVerdict.More;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (length < 2)
            {
                return HeaderVerdict.Corrupt($"its JPEG segment FF {marker:X2} at offset {cursor.Position} declares a length of {length}; the least possible is 2");
            }

            if (marker == 0xDA)
            {
                if (cursor.StopAtData)
                {
                    return HeaderVerdict.Size(cursor.Width, cursor.Height);
                }

                cursor.SeenScan = true;
                cursor.InScan = true;
            }

            cursor.Position += 2 + length;
        }
    }

    /// <summary>Why the data ended too soon, for a walk past the frame header that stopped with <see cref="HeaderVerdict.NeedMore"/> at <paramref name="readEnd"/>.</summary>
    public static string CutShort(in HeaderCursor cursor, long readEnd) =>
        cursor.InScan
            ? $"its JPEG data ends after {readEnd} bytes inside the scan data, without the end-of-image marker (FF D9): the file is cut short"
            : cursor.SeenScan
                ? $"its JPEG data ends after {readEnd} bytes, inside the marker segments between scans, without the end-of-image marker (FF D9): the file is cut short"
                : $"its JPEG data ends after {readEnd} bytes, after the frame header but before any scan (SOS): the file is cut short";
}
