using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

public class ImagePreflightPngTests
{
    [Theory]
    [InlineData(1024, 1024)]
    [InlineData(2048, 2048)]
    [InlineData(1024, 2048)]
    [InlineData(1500, 1200)]
    public void A_png_within_the_limits_is_valid_and_measured(int width, int height)
    {
        byte[] png = TestPng.Create(width, height);

        ImagePreflightResult result = ImagePreflight.Check(png);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(RejectionReason.None, result.Reason);
        Assert.Equal(new ImageInfo(ImageFormat.Png, width, height, png.Length), result.Info);
    }

    [Fact]
    public void A_small_png_names_its_size_and_the_minimum()
    {
        ImagePreflightResult result = ImagePreflight.Check(TestPng.Create(812, 640));

        Assert.Equal(RejectionReason.ResolutionTooSmall, result.Reason);
        Assert.Equal("The image is 812x640 pixels; the service needs at least 1024x1024.", result.Message);
    }

    [Theory]
    [InlineData(1023, 1024)]
    [InlineData(1024, 1023)]
    [InlineData(3000, 800)]
    public void One_short_side_is_too_small(int width, int height) =>
        Assert.Equal(RejectionReason.ResolutionTooSmall, ImagePreflight.Check(TestPng.Minimal((uint)width, (uint)height)).Reason);

    [Theory]
    [InlineData(2049, 2048)]
    [InlineData(1024, 2049)]
    public void One_long_side_is_too_large(int width, int height)
    {
        ImagePreflightResult result = ImagePreflight.Check(TestPng.Minimal((uint)width, (uint)height));

        Assert.Equal(RejectionReason.ResolutionTooLarge, result.Reason);
        Assert.Equal($"The image is {width}x{height} pixels; the service accepts at most 2048x2048.", result.Message);
    }

    [Fact]
    public void A_file_over_5_MiB_is_too_large_whatever_it_holds()
    {
        byte[] png = TestPng.Create(1024, 1024, padding: (int)ImagePreflight.MaxFileBytes);

        ImagePreflightResult result = ImagePreflight.Check(png);

        Assert.Equal(RejectionReason.FileTooLarge, result.Reason);
        Assert.Contains($"{png.Length} bytes", result.Message, StringComparison.Ordinal);
        Assert.Contains("at most 5242880 bytes (5 MiB)", result.Message, StringComparison.Ordinal);
        Assert.Equal(png.Length, result.Info.FileSize);
    }

    [Fact]
    public void Exactly_5_MiB_is_allowed()
    {
        byte[] exact = TestPng.Create(1024, 1024);
        int padding = (int)ImagePreflight.MaxFileBytes - exact.Length - 12;
        byte[] png = TestPng.Create(1024, 1024, padding: padding);

        Assert.Equal(ImagePreflight.MaxFileBytes, png.Length);
        Assert.True(ImagePreflight.Check(png).IsValid);
    }

    [Fact]
    public void An_empty_image_is_unreadable()
    {
        ImagePreflightResult result = ImagePreflight.Check(ReadOnlySpan<byte>.Empty);

        Assert.Equal(RejectionReason.UnreadableImage, result.Reason);
        Assert.Contains("empty (0 bytes)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(28)]
    public void A_header_cut_short_is_corrupt(int length)
    {
        byte[] png = TestPng.Create(1024, 1024)[..length];

        ImagePreflightResult result = ImagePreflight.Check(png);

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.StartsWith("The image cannot be read: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_signature_followed_by_something_else_is_corrupt()
    {
        byte[] fake = [.. TestPng.Signature, .. "this is not a PNG chunk at all"u8];

        ImagePreflightResult result = ImagePreflight.Check(fake);

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains("not a 13-byte IHDR", result.Message, StringComparison.Ordinal);
        Assert.Equal(ImageFormat.Png, result.Info.Format);
    }

    [Theory]
    [InlineData(0u, 1024u)]
    [InlineData(1024u, 0u)]
    [InlineData(0xFFFFFFFFu, 0xFFFFFFFFu)]
    [InlineData(0x80000000u, 1024u)]
    public void Absurd_dimensions_are_corrupt_not_an_overflow(uint width, uint height)
    {
        ImagePreflightResult result = ImagePreflight.Check(TestPng.Minimal(width, height));

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains($"{width}x{height}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_bit_depth_is_corrupt() =>
        Assert.Equal(RejectionReason.CorruptImage, ImagePreflight.Check(TestPng.Minimal(1024, 1024, bitDepth: 3, colorType: 2)).Reason);

    [Theory]
    [InlineData("GIF89a\x01\x00\x01\x00", "a GIF file")]
    [InlineData("BM\x00\x00\x00\x00\x00\x00", "a BMP file")]
    [InlineData("RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP file")]
    [InlineData("hello, world", "not a PNG or JPEG (it starts with 68656C6C6F2C2077)")]
    public void Other_formats_are_unsupported_and_named(string content, string expected)
    {
        byte[] bytes = content.Select(c => (byte)c).ToArray();

        ImagePreflightResult result = ImagePreflight.Check(bytes);

        Assert.Equal(RejectionReason.UnsupportedFormat, result.Reason);
        Assert.Equal($"The image is {expected}; the service accepts only PNG and JPEG.", result.Message);
        Assert.Equal(ImageFormat.Unknown, result.Info.Format);
    }

    [Fact]
    public void ToString_gives_the_reason_and_the_message()
    {
        ImagePreflightResult result = ImagePreflight.Check(TestPng.Minimal(100, 100));

        Assert.Equal("ResolutionTooSmall: The image is 100x100 pixels; the service needs at least 1024x1024.", result.ToString());
    }
}
