namespace SkinLite.Reports.Tests.Saving;

/// <summary>Only https is fetched; plain http only from loopback (the emulator); a redirect only to https.</summary>
public sealed class AssetUrlPolicyTests
{
    [Theory]
    [InlineData("https://delivery.pixelbin.io/a.jpg", true)]
    [InlineData("http://127.0.0.1:5000/emulator/outputs/x/a.png", true)]
    [InlineData("http://127.8.9.10/a.png", true)]
    [InlineData("http://[::1]:8080/a.png", true)]
    [InlineData("http://localhost/a.png", true)]
    [InlineData("http://delivery.pixelbin.io/a.jpg", false)]
    [InlineData("http://10.0.0.1/a.png", false)]
    [InlineData("http://localhost.evil.test/a.png", false)]
    [InlineData("ftp://cdn.test/a.png", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/a.png", false)]
    [InlineData("dark circle.jpg", false)]
    public void Which_urls_are_fetched(string url, bool fetched) =>
        Assert.Equal(fetched, AssetUrlPolicy.Refusal(url, allowLoopbackHttp: true, out _) is null);

    [Fact]
    public void Loopback_http_is_refused_when_not_allowed() =>
        Assert.NotNull(AssetUrlPolicy.Refusal("http://127.0.0.1/a.png", allowLoopbackHttp: false, out _));

    [Theory]
    [InlineData("https://a.test/x", "https://b.test/y", true)]
    [InlineData("https://a.test/x", "http://b.test/y", false)]
    [InlineData("https://a.test/x", "http://127.0.0.1/y", false)]
    [InlineData("http://127.0.0.1/x", "http://127.0.0.1/y", true)]
    [InlineData("http://127.0.0.1/x", "http://b.test/y", false)]
    [InlineData("http://127.0.0.1/x", "https://b.test/y", true)]
    public void Which_redirects_are_followed(string from, string to, bool followed) =>
        Assert.Equal(followed, AssetUrlPolicy.IsAllowedRedirect(new Uri(from), new Uri(to), allowLoopbackHttp: true));
}
