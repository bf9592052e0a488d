using SkinLite.Tests.Support;

namespace SkinLite.Tests.Transport;

/// <summary>The upload content streams from its source: no second whole-file buffer, the length known when it can be.</summary>
public sealed class ImageUploadContentTests
{
    [Fact]
    public async Task A_seekable_source_declares_its_remaining_length_and_is_rewound_after_sniffing()
    {
        byte[] image = TestImages.Png();
        using var source = new MemoryStream([0, 0, .. image]) { Position = 2 };

        using ImageUploadContent content = await ImageUploadContent.CreateAsync(source, ownsSource: false, CancellationToken.None);

        Assert.Equal("image/png", content.MediaType);
        Assert.Equal(2, source.Position);
        Assert.Equal(image.Length, content.Headers.ContentLength);
        Assert.Equal(image, await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_forward_only_source_keeps_the_sniffed_bytes_and_writes_them_first()
    {
        byte[] image = TestImages.Jpeg();
        using var source = new ForwardOnlyStream(image);

        using ImageUploadContent content = await ImageUploadContent.CreateAsync(source, ownsSource: false, CancellationToken.None);

        Assert.Equal("image/jpeg", content.MediaType);
        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(image, await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_source_shorter_than_the_signature_is_still_sent_whole()
    {
        byte[] tiny = [0xFF, 0xD8, 0xFF];
        using var source = new ForwardOnlyStream(tiny);

        using ImageUploadContent content = await ImageUploadContent.CreateAsync(source, ownsSource: false, CancellationToken.None);

        Assert.Equal("image/jpeg", content.MediaType);
        Assert.Equal(tiny, await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Memory_is_sent_as_is_with_its_length()
    {
        byte[] image = TestImages.Png();

        using ImageUploadContent content = ImageUploadContent.FromMemory(image);

        Assert.Equal(image.Length, content.Headers.ContentLength);
        Assert.Equal(image, await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_owned_source_is_disposed_with_the_content_and_a_borrowed_one_is_not()
    {
        var owned = new MemoryStream(TestImages.Png());
        var borrowed = new MemoryStream(TestImages.Png());

        (await ImageUploadContent.CreateAsync(owned, ownsSource: true, CancellationToken.None)).Dispose();
        (await ImageUploadContent.CreateAsync(borrowed, ownsSource: false, CancellationToken.None)).Dispose();

        Assert.False(owned.CanRead);
        Assert.True(borrowed.CanRead);
        borrowed.Dispose();
    }

    [Fact]
    public async Task An_empty_or_unreadable_source_is_refused()
    {
        using var empty = new MemoryStream();
        var closed = new MemoryStream(TestImages.Png());
        closed.Dispose();

        var emptyError = await Assert.ThrowsAsync<ArgumentException>(() => ImageUploadContent.CreateAsync(empty, ownsSource: false, CancellationToken.None));
        var closedError = await Assert.ThrowsAsync<ArgumentException>(() => ImageUploadContent.CreateAsync(closed, ownsSource: false, CancellationToken.None));

        Assert.Contains("empty", emptyError.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", closedError.Message, StringComparison.Ordinal);
    }
}
