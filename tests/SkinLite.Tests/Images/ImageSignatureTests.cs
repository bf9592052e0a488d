using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

/// <summary>The media type comes from the first bytes of the image, never from its name.</summary>
public sealed class ImageSignatureTests
{
    [Fact]
    public void Png_and_jpeg_headers_are_recognised()
    {
        Assert.Equal("image/png", ImageSignature.MediaType(TestImages.Png()));
        Assert.Equal("image/jpeg", ImageSignature.MediaType(TestImages.Jpeg()));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })] // a PNG signature cut short
    [InlineData(new byte[] { 0xFF, 0xD8 })] // a JPEG marker cut short
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })] // GIF89a
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 })] // WebP
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })] // <html>
    [InlineData(new byte[0])]
    public void Anything_else_is_sent_as_octet_stream(byte[] head)
    {
        Assert.Equal("application/octet-stream", ImageSignature.MediaType(head));
        Assert.Equal("image", ImageSignature.DefaultFileName(ImageSignature.MediaType(head)));
    }

    [Fact]
    public void The_default_file_name_follows_the_type()
    {
        Assert.Equal("image.png", ImageSignature.DefaultFileName("image/png"));
        Assert.Equal("image.jpg", ImageSignature.DefaultFileName("image/jpeg"));
    }
}
