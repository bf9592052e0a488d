using System.Text;
using System.Text.Unicode;

namespace SkinLite;

/// <summary>
/// The short labels of an answer (<c>face</c>, <c>Average</c>, <c>0-49</c>, <c>acne</c>) repeat in every concern and in
/// every poll. A small per-thread table hands back the string decoded last time for the same bytes, so a service polling
/// many jobs does not allocate them again. Bounded: a colliding value replaces the older one.
/// </summary>
internal static class Utf8StringCache
{
    public const int MaxLength = ShortUtf8Key.MaxLength;
    private const int Buckets = 64;
    private const int Ways = 4;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>The string for these bytes; <see langword="null"/> when they are too long or not valid UTF-8 (decode them the usual way).</summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return null;
        }

        // About a hundred look-ups per finished answer: the key is compared in registers, not as a span.
        var key = new ShortUtf8Key(utf8);
        uint hash = key.Hash;

        // Four ways per bucket: labels that share a bucket live side by side instead of evicting each other on every
        // answer (eviction churn would push short-lived strings into older GC generations).
        Span<Entry> bucket = (t_entries ??= new Entry[Buckets * Ways]).AsSpan((int)(hash % Buckets) * Ways, Ways);
        int free = -1;
        for (int way = 0; way < Ways; way++)
        {
            ref Entry entry = ref bucket[way];
            if (entry.Value is null)
            {
                free = free < 0 ? way : free;
            }
            else if (entry.Key.Equals(key))
            {
                return entry.Value;
            }
        }

        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        string value = Encoding.UTF8.GetString(utf8);
        bucket[free >= 0 ? free : (int)(hash >> 24) % Ways] = new Entry(key, value);
        return value;
    }

    private readonly record struct Entry(ShortUtf8Key Key, string Value);
}
