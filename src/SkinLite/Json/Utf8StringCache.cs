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
    public const int MaxLength = 32;
    private const int Slots = 128;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>The string for these bytes; <see langword="null"/> when they are too long or not valid UTF-8 (decode them the usual way).</summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return null;
        }

        uint hash = 2166136261;
        foreach (byte b in utf8)
        {
            hash = (hash ^ b) * 16777619;
        }

        Entry[] entries = t_entries ??= new Entry[Slots];
        ref Entry entry = ref entries[hash % Slots];
        if (entry.Value is not null && entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        string value = Encoding.UTF8.GetString(utf8);
        entry = new Entry(hash, utf8.ToArray(), value);
        return value;
    }

    private readonly record struct Entry(uint Hash, byte[] Utf8, string Value);
}
