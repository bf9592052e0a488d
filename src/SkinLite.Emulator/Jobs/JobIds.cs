namespace SkinLite.Emulator;

/// <summary>
/// Makes ids shaped like the real service's (<c>skinAnalysisInt--generate--</c> and a UUIDv7 whose first 48 bits are the
/// creation time) from a seeded generator, so that a run with the same seed and clock gives the same ids.
/// </summary>
internal sealed class JobIds
{
    private SplitMix64 _random;

    public JobIds(int seed) => _random = new SplitMix64(unchecked((ulong)seed) ^ 0x5EED_1D5UL);

    public string Prediction(DateTimeOffset at) => $"{SkinLiteApiExtensions.PluginName}--generate--{Uuid7(at)}";

    public string Scan(DateTimeOffset at) => Uuid7(at);

    public string Subject(DateTimeOffset at) => Uuid7(at);

    private string Uuid7(DateTimeOffset at)
    {
        ulong millis = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds()) & 0xFFFF_FFFF_FFFFUL;
        ulong a = _random.Next();
        ulong b = _random.Next();
        ulong high = (millis << 16) | 0x7000UL | (a & 0x0FFFUL);
        ulong low = (b & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL;
        return $"{high >> 32:x8}-{(high >> 16) & 0xFFFF:x4}-{high & 0xFFFF:x4}-{low >> 48:x4}-{low & 0xFFFF_FFFF_FFFFUL:x12}";
    }
}
