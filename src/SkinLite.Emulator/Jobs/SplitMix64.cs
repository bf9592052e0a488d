namespace SkinLite.Emulator;

/// <summary>
/// A tiny, fully specified pseudo-random generator (SplitMix64), so that the emulator's choices depend only on its seed
/// and never on the runtime's <see cref="Random"/> implementation.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + (int)(Next() % (ulong)(max - min + 1));

    public T Pick<T>(ReadOnlySpan<T> choices) => choices[(int)(Next() % (ulong)choices.Length)];
}
