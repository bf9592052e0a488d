namespace SkinLite;

/// <summary>
/// Where <see cref="CompactJson"/> removed whitespace, as (original offset just past a removed run, bytes removed up to
/// there), in increasing order; it turns an offset into the original into the same place in the compact copy. One map
/// per thread is reused, as reading, compacting and building happen in one synchronous call.
/// </summary>
internal sealed class OffsetMap
{
    [ThreadStatic]
    private static OffsetMap? t_map;

    private int[] _ends = new int[64];
    private int[] _removed = new int[64];
    private int _count;

    /// <summary>This thread's map; <see cref="CompactJson.Copy"/> empties it.</summary>
    public static OffsetMap ForThisThread => t_map ??= new OffsetMap();

    /// <summary>Nothing was removed: offsets stay as they are.</summary>
    public bool IsEmpty => _count == 0;

    public void Clear() => _count = 0;

    /// <summary>A run of whitespace ending just before <paramref name="end"/> was removed, <paramref name="removedSoFar"/> bytes in all.</summary>
    public void Removed(int end, int removedSoFar)
    {
        if (_count == _ends.Length)
        {
            Array.Resize(ref _ends, _count * 2);
            Array.Resize(ref _removed, _count * 2);
        }

        _ends[_count] = end;
        _removed[_count] = removedSoFar;
        _count++;
    }

    /// <summary>The offset in the compact copy of <paramref name="original"/>, a token's start (never inside removed whitespace).</summary>
    public int Map(int original)
    {
        // The last run that ended at or before the offset says how much was removed ahead of it.
        int index = _ends.AsSpan(0, _count).BinarySearch(original);
        int last = index >= 0 ? index : ~index - 1;
        return last < 0 ? original : original - _removed[last];
    }

    /// <summary>Where a range of the original (a concern, a zone) sits in the compact copy.</summary>
    public (int Start, int Length) Map(int start, int length)
    {
        int mapped = Map(start);
        return (mapped, Map(start + length) - mapped);
    }
}
