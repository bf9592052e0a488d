using System.Collections.ObjectModel;

namespace SkinLite;

/// <summary>
/// The label lists of an answer (<c>score_range</c> <c>0-49, 50-89, 90-100</c>, <c>severity_list</c> <c>Needs Attention,
/// Average, Good</c>) are the same in every concern and every poll. A small per-thread table hands back the list made last
/// time for the same labels, read-only because results share it. A second table finds the list from the array's bytes
/// as sent, so an answer seen before decodes none of its labels. Bounded: a colliding list replaces the older one.
/// </summary>
internal static class LabelListCache
{
    public const int MaxCount = 8;
    private const int Buckets = 16;
    private const int Ways = 2;

    /// <summary>Longer arrays are read item by item every time.</summary>
    private const int MaxArrayBytes = 256;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>The arrays found or made last, tried first by <see cref="FindAt"/>; an answer has two or three different ones.</summary>
    private const int RecentCount = 4;

    [ThreadStatic]
    private static ArrayEntry[]? t_arrays;

    [ThreadStatic]
    private static ArrayEntry[]? t_recent;

    [ThreadStatic]
    private static uint t_nextRecent; // unsigned: wraps around instead of turning into a negative index

    /// <summary>
    /// The list for an array that <paramref name="json"/> starts with, when it is one of the arrays seen last; its length in
    /// bytes is <paramref name="length"/>. Bytes equal to a whole array seen before are that array, so nothing is scanned.
    /// </summary>
    public static IReadOnlyList<string>? FindAt(ReadOnlySpan<byte> json, out int length)
    {
        if (t_recent is { } recent)
        {
            foreach (ref readonly ArrayEntry entry in recent.AsSpan())
            {
                if (entry.List is not null && json.StartsWith(entry.Utf8))
                {
                    length = entry.Utf8.Length;
                    return entry.List;
                }
            }
        }

        length = 0;
        return null;
    }

    /// <summary>The list made earlier from exactly these array bytes, or <see langword="null"/>.</summary>
    public static IReadOnlyList<string>? Find(ReadOnlySpan<byte> array)
    {
        if (array.Length > MaxArrayBytes || t_arrays is not { } arrays)
        {
            return null;
        }

        uint hash = ArrayHash(array);
        Span<ArrayEntry> bucket = arrays.AsSpan((int)(hash % Buckets) * Ways, Ways);
        for (int way = 0; way < Ways; way++)
        {
            ref ArrayEntry entry = ref bucket[way];
            if (entry.Hash == hash && entry.List is not null && array.SequenceEqual(entry.Utf8))
            {
                MakeRecent(entry);
                return entry.List;
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="list"/> for <see cref="Find"/> when it is one of the shared read-only lists; returns it.</summary>
    public static IReadOnlyList<string> Remember(ReadOnlySpan<byte> array, IReadOnlyList<string> list)
    {
        // A longer list is an array of its own that a caller could change: it is never handed to a second answer.
        if (array.Length <= MaxArrayBytes && list.Count <= MaxCount)
        {
            uint hash = ArrayHash(array);
            Span<ArrayEntry> bucket = (t_arrays ??= new ArrayEntry[Buckets * Ways]).AsSpan((int)(hash % Buckets) * Ways, Ways);
            int free = bucket.IndexOf(default(ArrayEntry));
            var entry = new ArrayEntry(hash, array.ToArray(), list);
            bucket[free >= 0 ? free : (int)(hash >> 8) % Ways] = entry;
            MakeRecent(entry);
        }

        return list;
    }

    private static void MakeRecent(in ArrayEntry entry)
    {
        ArrayEntry[] recent = t_recent ??= new ArrayEntry[RecentCount];
        if (Array.IndexOf(recent, entry) < 0)
        {
            recent[(int)(t_nextRecent++ % RecentCount)] = entry;
        }
    }

    private static uint ArrayHash(ReadOnlySpan<byte> array) =>
        array.Length <= ShortUtf8Key.MaxLength
            ? new ShortUtf8Key(array).Hash
            : new ShortUtf8Key(array[..ShortUtf8Key.MaxLength]).Hash ^ new ShortUtf8Key(array[^ShortUtf8Key.MaxLength..]).Hash ^ (uint)array.Length;

    /// <summary>A read-only list of these labels (at most <see cref="MaxCount"/>), shared with earlier answers when they had the same.</summary>
    public static IReadOnlyList<string> Get(ReadOnlySpan<string> labels)
    {
        // Labels usually come from Utf8StringCache, so equal labels are mostly the same instance; lengths and first
        // characters are enough of a hash, as the labels are compared in full anyway.
        uint hash = (uint)labels.Length;
        foreach (string label in labels)
        {
            hash = (hash * 31) + (uint)label.Length + (label.Length > 0 ? (uint)label[0] << 8 : 0u);
        }

        Span<Entry> bucket = (t_entries ??= new Entry[Buckets * Ways]).AsSpan((int)(hash % Buckets) * Ways, Ways);
        int free = -1;
        for (int way = 0; way < Ways; way++)
        {
            ref Entry entry = ref bucket[way];
            if (entry.List is null)
            {
                free = free < 0 ? way : free;
            }
            else if (entry.Hash == hash && SameLabels(entry.Labels, labels))
            {
                return entry.List;
            }
        }

        string[] items = labels.ToArray();
        var list = new ReadOnlyCollection<string>(items);
        bucket[free >= 0 ? free : (int)(hash >> 8) % Ways] = new Entry(hash, items, list);
        return list;
    }

    private static bool SameLabels(string[] cached, ReadOnlySpan<string> labels)
    {
        if (cached.Length != labels.Length)
        {
            return false;
        }

        for (int i = 0; i < cached.Length; i++)
        {
            if (!ReferenceEquals(cached[i], labels[i]) && !string.Equals(cached[i], labels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Entry(uint Hash, string[] Labels, ReadOnlyCollection<string> List);

    private readonly record struct ArrayEntry(uint Hash, byte[] Utf8, IReadOnlyList<string> List);
}
