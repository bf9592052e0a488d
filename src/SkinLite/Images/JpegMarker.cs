namespace SkinLite;

/// <summary>What stands at a JPEG walk's cursor, as both walks (to the frame header, and through the scans) read it.</summary>
internal enum JpegMarker
{
    /// <summary>The window ends before the marker's second byte.</summary>
    NeedMore,

    /// <summary>No <c>FF</c>: the data is not where a marker must be.</summary>
    Missing,

    /// <summary><c>FF FF</c>: a fill byte, which may precede any marker; step one byte.</summary>
    Fill,

    /// <summary>TEM or RSTn: a marker with no length after it; step two bytes.</summary>
    StandAlone,

    /// <summary>Any other marker, at <c>rest[1]</c>: the caller decides.</summary>
    Other,
}

/// <summary>Reads the <see cref="JpegMarker"/> at the start of the bytes left in the window.</summary>
internal static class JpegMarkers
{
    public static JpegMarker At(ReadOnlySpan<byte> rest) =>
        rest[0] != 0xFF ? JpegMarker.Missing
        : rest.Length < 2 ? JpegMarker.NeedMore
        : rest[1] == 0xFF ? JpegMarker.Fill
        : rest[1] is 0x01 or >= 0xD0 and <= 0xD7 ? JpegMarker.StandAlone
        : JpegMarker.Other;

    /// <summary>Steps over a fill byte or a stand-alone marker; false for the others, which the caller handles.</summary>
    public static bool Skip(JpegMarker marker, ref long position)
    {
        position += marker switch
        {
            JpegMarker.Fill => 1,
            JpegMarker.StandAlone => 2,
            _ => 0,
        };
        return marker is JpegMarker.Fill or JpegMarker.StandAlone;
    }
}
