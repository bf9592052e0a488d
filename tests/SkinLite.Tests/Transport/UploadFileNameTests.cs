namespace SkinLite.Tests.Transport;

/// <summary>A declared file name always fits a quoted <c>filename="..."</c> parameter.</summary>
public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("face.png", "face.png")]
    [InlineData("my face (1).jpg", "my face (1).jpg")]
    [InlineData("a\"b.png", "a_b.png")]
    [InlineData("tab\there.png", "tab_here.png")]
    [InlineData("naïve.png", "na_ve.png")]
    [InlineData("/home/user/photos/face.png", "face.png")]
    public void A_name_is_kept_printable_ascii_without_quotes_or_folders(string given, string sent)
    {
        Assert.Equal(sent, UploadFileName.Sanitize(given, "image.png"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/home/user/")]
    public void Without_a_usable_name_the_fallback_is_used(string? given)
    {
        Assert.Equal("image.jpg", UploadFileName.Sanitize(given, "image.jpg"));
    }
}
