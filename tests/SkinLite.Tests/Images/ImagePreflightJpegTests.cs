using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

public class ImagePreflightJpegTests
{
    [Fact]
    public void A_baseline_jpeg_is_measured_from_its_frame_header()
    {
        byte[] jpeg = TestJpeg.Create(1536, 1200);

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 1536, 1200, jpeg.Length), result.Info);
    }

    [Theory]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xC3)]
    [InlineData(0xC9)]
    [InlineData(0xCA)]
    public void Progressive_and_other_frame_headers_are_read(byte sof)
    {
        byte[] jpeg = TestJpeg.Start().Jfif().Segment(0xC4, new byte[20]).Frame(sof, 1100, 2000).ScanAndEnd();

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.Equal((1100, 2000), (result.Info.Width, result.Info.Height));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Exif_blocks_and_fill_bytes_before_the_frame_header_are_skipped()
    {
        byte[] jpeg = TestJpeg.Start().Jfif().Exif(60_000).Raw(0xFF, 0xFF, 0xFF).Exif(65_000).Segment(0xDB, new byte[65]).Frame(0xC0, 640, 480).ScanAndEnd();

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.Equal(RejectionReason.ResolutionTooSmall, result.Reason);
        Assert.Equal("The image is 640x480 pixels; the service needs at least 1024x1024.", result.Message);
    }

    [Fact]
    public void A_scan_before_any_frame_header_is_corrupt()
    {
        byte[] jpeg = TestJpeg.Start().Jfif().ScanAndEnd();

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains("FF DA", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_chain_of_segments_is_cut_off_at_the_bound()
    {
        TestJpeg jpeg = TestJpeg.Start();
        for (int i = 0; i < 5000; i++)
            jpeg.Segment(0xE5, []);

        ImagePreflightResult result = ImagePreflight.Check(jpeg.Frame(0xC0, 1024, 1024).ScanAndEnd());

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains("more than 1024 segments", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_length_below_two_is_corrupt_not_a_loop()
    {
        byte[] jpeg = TestJpeg.Start().Raw(0xFF, 0xE1, 0x00, 0x00, 0xFF, 0xE1, 0x00, 0x00).ToArray();

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains("length of 0", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_where_a_marker_should_be_is_corrupt()
    {
        byte[] jpeg = TestJpeg.Start().Jfif().Raw(0x12, 0x34, 0x56).ToArray();

        Assert.Contains("0x12 at offset 20", ImagePreflight.Check(jpeg).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(60_030)]
    public void A_jpeg_cut_before_its_frame_header_is_corrupt(int length)
    {
        byte[] jpeg = TestJpeg.Create(1024, 1024, exifBytes: 60_000)[..length];

        ImagePreflightResult result = ImagePreflight.Check(jpeg);

        Assert.Equal(RejectionReason.CorruptImage, result.Reason);
        Assert.Contains("cut short", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_header_declaring_zero_height_is_corrupt() =>
        Assert.Equal(RejectionReason.CorruptImage, ImagePreflight.Check(TestJpeg.Start().Frame(0xC0, 1024, 0).ScanAndEnd()).Reason);
}
