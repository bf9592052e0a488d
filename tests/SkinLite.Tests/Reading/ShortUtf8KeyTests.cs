using CsCheck;

namespace SkinLite.Tests.Reading;

/// <summary>The label table compares keys instead of bytes: two keys must be equal exactly when their bytes are.</summary>
public sealed class ShortUtf8KeyTests
{
    [Fact]
    public void Two_keys_are_equal_exactly_when_their_bytes_are()
    {
        // Pairs that differ in one byte or in length only, at every length up to the limit: the cases a key could miss.
        Gen<(byte[], byte[])> pairs =
            from bytes in Gen.Byte[(byte)'a', (byte)'d'].Array[0, ShortUtf8Key.MaxLength]
            from change in Gen.Int[0, 2]
            from at in Gen.Int[0, ShortUtf8Key.MaxLength]
            from value in Gen.Byte[(byte)'a', (byte)'d']
            select (bytes, Changed(bytes, change, at, value));

        pairs.Sample((a, b) => (new ShortUtf8Key(a).Equals(new ShortUtf8Key(b)) == a.AsSpan().SequenceEqual(b))
            && (!a.AsSpan().SequenceEqual(b) || new ShortUtf8Key(a).Hash == new ShortUtf8Key(b).Hash), iter: 200_000);
    }

    [Fact]
    public void A_longer_text_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShortUtf8Key(new byte[ShortUtf8Key.MaxLength + 1]));
    }

    private static byte[] Changed(byte[] bytes, int change, int at, byte value) => change switch
    {
        0 when bytes.Length > 0 => [.. bytes[..(at % bytes.Length)], value, .. bytes[(at % bytes.Length + 1)..]],
        1 when bytes.Length < ShortUtf8Key.MaxLength => [.. bytes, value],
        _ => bytes.Length > 0 ? bytes[..^1] : [value],
    };
}
