using System.Security.Cryptography;

namespace SkinLite.Tests.Batching;

/// <summary>The journal's content hash: SHA-256 of a file streamed, its hex form both ways.</summary>
public sealed class ContentHashTests
{
    [Fact]
    public async Task The_hash_of_a_file_is_the_SHA256_of_its_bytes_even_past_one_read_window()
    {
        using var folder = new TempFolder();
        byte[] bytes = new byte[(300 * 1024) + 17];
        new Random(5).NextBytes(bytes);
        string path = folder.Write("image.jpg", bytes);

        ContentHash hash = await ContentHash.OfFileAsync(path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash.ToString());
        Assert.Equal(ContentHash.Of(bytes), hash);
        Assert.NotEqual(ContentHash.Of(bytes.AsSpan(1)), hash);
    }

    [Fact]
    public void The_hex_form_reads_back_in_either_case_and_nothing_else_reads()
    {
        ContentHash hash = ContentHash.Of("abc"u8);
        string hex = hash.ToString();

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex);
        Assert.Equal(hash, ContentHash.Parse(hex));
        Assert.Equal(hash, ContentHash.Parse(hex.ToUpperInvariant()));
        Assert.Throws<FormatException>(() => ContentHash.Parse(hex[1..]));
        Assert.Throws<FormatException>(() => ContentHash.Parse(hex[1..] + "g"));
        Assert.Throws<FormatException>(() => ContentHash.Parse(hex[1..] + "é"));
        Assert.False(ContentHash.TryParse("xyz"u8, out _));
    }

    [Fact]
    public async Task A_missing_file_is_an_IO_error()
    {
        await Assert.ThrowsAnyAsync<IOException>(() => ContentHash.OfFileAsync("/nonexistent/skinlite/image.jpg"));
    }
}
