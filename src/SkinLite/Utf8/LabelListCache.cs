using System.Collections.ObjectModel;

namespace SkinLite;

/// <summary>
/// The label lists of an answer (<c>score_range</c> <c>0-49, 50-89, 90-100</c>, <c>severity_list</c> <c>Needs Attention,
/// Average, Good</c>) are the same in every concern and every poll. A small per-thread table hands back the list made last
/// time for the same labels, read-only because results share it. Bounded: a colliding list replaces the older one.
/// </summary>
internal static class LabelListCache
{
    public const int MaxCount = 8;
    private const int Buckets = 16;
    private const int Ways = 2;

    [ThreadStatic]
    private static Entry[]? t_entries;

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
}
