using System.Buffers.Binary;

namespace SkinLite;

/// <summary>
/// Walks a PNG's chunks from IHDR to IEND: each chunk is a 4-byte big-endian length (at most 2^31-1), a 4-byte type of
/// ASCII letters, the data and a CRC-32. IHDR comes first, PLTE (required for colour type 3) before the IDAT chunks,
/// which are consecutive, and IEND (empty) last; bytes after IEND are ignored, as libpng does. Chunk data is skipped,
/// never read. Resumable: it stops with <see cref="HeaderVerdict.NeedMore"/> where its window of bytes ends.
/// </summary>
internal static class PngChunks
{
    /// <summary>Where the walk starts: the first chunk, just after the signature.</summary>
    public const long FirstChunk = 8;

    private const uint Ihdr = 0x49484452;
    private const uint Plte = 0x504C5445;
    private const uint Idat = 0x49444154;
    private const uint Iend = 0x49454E44;

    public static HeaderVerdict Advance(ReadOnlySpan<byte> window, long windowStart, ref HeaderCursor cursor)
    {
        if (cursor.Width == 0)
        {
            // The IHDR sits at offset 8 of the first window.
            HeaderVerdict header = PngHeader.Read(window);
            if (header.NeedMore || header.Problem is not null)
            {
                return header;
            }

            cursor.Width = header.Width;
            cursor.Height = header.Height;
            cursor.ColorType = window[25];
            cursor.ChunkType = Ihdr;
            cursor.ChunkStart = FirstChunk;
            cursor.ChunkLength = 13;
            cursor.Position = PngHeader.End;
        }

        while (true)
        {
            long offset = cursor.Position - windowStart;
            if (offset < 0 || offset + 8 > window.Length)
            {
                return HeaderVerdict.More;
            }

            if (cursor.Position >= ImagePreflight.MaxFileBytes)
            {
                // Only a stream that cannot seek (its size unknown) gets here: the bytes at this offset are there.
                return HeaderVerdict.TooLarge($"its PNG chunks go on at offset {cursor.Position}");
            }

            ReadOnlySpan<byte> chunk = window[(int)offset..];
            uint length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
            long at = cursor.Position;
            if (!IsLetters(chunk.Slice(4, 4)))
            {
                return HeaderVerdict.Corrupt($"its PNG chunk at offset {at} has the type {Convert.ToHexString(chunk.Slice(4, 4))}, not four ASCII letters: the chunk structure is broken");
            }

            if (length > int.MaxValue)
            {
                return HeaderVerdict.Corrupt($"its PNG chunk '{Name(type)}' at offset {at} declares a length of {length}; PNG allows at most {int.MaxValue}");
            }

            cursor.ChunkType = type;
            cursor.ChunkStart = at;
            cursor.ChunkLength = length;
            if (cursor.SeenData && type != Idat)
            {
                cursor.DataEnded = true;
            }

            switch (type)
            {
                case Ihdr:
                    return HeaderVerdict.Corrupt($"its PNG has a second IHDR chunk at offset {at}");
                case Plte when cursor.SeenData:
                    return HeaderVerdict.Corrupt($"its PNG palette (PLTE) at offset {at} comes after the image data (IDAT)");
                case Plte:
                    cursor.SeenPalette = true;
                    break;
                case Idat when cursor.DataEnded:
                    return HeaderVerdict.Corrupt($"its PNG image data is split: the IDAT chunk at offset {at} follows other chunks after the first IDAT, and IDAT chunks must be consecutive");
                case Idat when cursor.ColorType == 3 && !cursor.SeenPalette:
                    return HeaderVerdict.Corrupt($"its PNG is a palette image (colour type 3) but reaches the image data (IDAT) at offset {at} without a palette (PLTE)");
                case Idat:
                    cursor.SeenData = true;
                    if (cursor.StopAtData)
                    {
                        return HeaderVerdict.Size(cursor.Width, cursor.Height);
                    }

                    break;
                case Iend when !cursor.SeenData:
                    return HeaderVerdict.Corrupt($"its PNG reaches the IEND chunk at offset {at} without any image data (IDAT)");
                case Iend when length != 0:
                    return HeaderVerdict.Corrupt($"its PNG IEND chunk at offset {at} declares a length of {length}; it must be empty");
                case Iend:
                    // Its CRC must be there too; whatever follows IEND is ignored.
                    return offset + 12 <= window.Length ? HeaderVerdict.Size(cursor.Width, cursor.Height) : HeaderVerdict.More;
            }

            cursor.Position += 12 + (long)length;
        }
    }

    /// <summary>Why the data ended too soon, for a walk that stopped with <see cref="HeaderVerdict.NeedMore"/> at <paramref name="readEnd"/>.</summary>
    public static string CutShort(in HeaderCursor cursor, long readEnd)
    {
        string name = Name(cursor.ChunkType);
        long chunkEnd = cursor.ChunkStart + 12 + cursor.ChunkLength;
        return readEnd < chunkEnd
            ? $"its PNG data ends after {readEnd} bytes, inside the chunk '{name}' that starts at offset {cursor.ChunkStart} and declares {cursor.ChunkLength} data bytes (it needs {chunkEnd} bytes), before the IEND chunk: the file is cut short"
            : $"its PNG data ends after {readEnd} bytes, after the chunk '{name}' at offset {cursor.ChunkStart}, without the IEND chunk: the file is cut short";
    }

    private static bool IsLetters(ReadOnlySpan<byte> type)
    {
        foreach (byte b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static string Name(uint type) =>
        string.Create(4, type, static (name, t) =>
        {
            for (int i = 0; i < 4; i++)
            {
                name[i] = (char)(byte)(t >> (24 - (8 * i)));
            }
        });
}
