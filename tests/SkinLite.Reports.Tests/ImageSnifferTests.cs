using System.Text;
using SkinLite.Reports.Html;
using SkinLite.Reports.Tests.Support;
using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests;

public sealed class ImageSnifferTests
{
    private static readonly byte[] WebP = [.. "RIFF"u8, 30, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[22]];

    public static TheoryData<byte[], string?> Files => new()
    {
        { TestPng.Create(4, 4), ImageSniffer.Png },
        { TestJpeg.Create(4, 4), ImageSniffer.Jpeg },
        { TestImages.Gif(), ImageSniffer.Gif },
        { WebP, ImageSniffer.WebP },
        { Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), null },
        { Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(1)</script>"), null },
        { [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8], null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Knows_the_four_formats_by_their_bytes(byte[] bytes, string? expected) => Assert.Equal(expected, ImageSniffer.Sniff(bytes));

    [Fact]
    public void Gif_and_webp_files_are_embedded_with_their_media_types()
    {
        using var temp = new TempFolder();
        SavedFolders.Image[] images =
        [
            new(DocumentFields.CombinedMask, TestImages.Gif(), ImageSniffer.Gif, "combine.gif"),
            new(DocumentFields.TZone, WebP, ImageSniffer.WebP, "t_zone.webp"),
        ];
        string html = AnalysisReport.Render(SavedAnalysis.Load(SavedFolders.Write(temp.Path, SampleDocuments.Success(), images, emulated: false)));

        Assert.Contains("src=\"data:image/gif;base64," + Convert.ToBase64String(TestImages.Gif()) + "\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/webp;base64," + Convert.ToBase64String(WebP) + "\"", html, StringComparison.Ordinal);
    }
}
