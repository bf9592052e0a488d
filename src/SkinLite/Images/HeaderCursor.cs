namespace SkinLite;

/// <summary>
/// Where an image walk stands: the absolute offset of the next thing to read, so that a walk over a stream can skip
/// what it does not need (a 60 KB EXIF block, a megabyte of IDAT) and resume on the next window of bytes; and what the
/// walk has seen so far, for the structure rules (PNG chunk order, JPEG scans) and for the message when the data ends.
/// </summary>
internal struct HeaderCursor
{
    public ImageFormat Format;
    public long Position;
    public int Segments;

    /// <summary>Stop at the start of the image data (first IDAT, first SOS): a stream that cannot seek is not read further.</summary>
    public bool StopAtData;

    /// <summary>The size from the header; 0 until it is read.</summary>
    public int Width;
    public int Height;

    /// <summary>PNG: the IHDR colour type (3 needs a PLTE).</summary>
    public byte ColorType;

    /// <summary>PNG: the type, start and declared data length of the last chunk reached.</summary>
    public uint ChunkType;
    public long ChunkStart;
    public uint ChunkLength;

    /// <summary>PNG: PLTE seen; IDAT seen; a chunk other than IDAT seen after IDAT (so no IDAT may follow).</summary>
    public bool SeenPalette;
    public bool SeenData;
    public bool DataEnded;

    /// <summary>JPEG: a start of scan (SOS) seen; the walk is inside entropy-coded scan data.</summary>
    public bool SeenScan;
    public bool InScan;
}
