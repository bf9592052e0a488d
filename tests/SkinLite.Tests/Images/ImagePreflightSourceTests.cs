using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

/// <summary>Streams and files give the same verdicts as bytes in memory, reading only the header.</summary>
public sealed class ImagePreflightSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skinlite-preflight-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Megabytes of images: enumerated when the tests run, not serialised into the test list at discovery.
    public static TheoryData<string, byte[]> Images() => new()
    {
        { "valid png", TestPng.Create(1024, 1300) },
        { "small jpeg behind two EXIF blocks", TestJpeg.Start().Jfif().Exif(65_000).Exif(30_000).Frame(0xC2, 800, 1200).ScanAndEnd() },
        { "large jpeg", TestJpeg.Create(4000, 3000) },
        { "truncated jpeg", TestJpeg.Create(1024, 1024, exifBytes: 10_000)[..9_000] },
        { "gif", "GIF89a......"u8.ToArray() },
        { "too big", TestPng.Create(1024, 1024, padding: 6_000_000) },
    };

    [Theory]
    [MemberData(nameof(Images), DisableDiscoveryEnumeration = true)]
    public void A_seekable_stream_gets_the_same_verdict_and_its_position_back(string name, byte[] image)
    {
        using var stream = new MemoryStream([0xAA, 0xBB, .. image]);
        stream.Position = 2;

        ImagePreflightResult result = ImagePreflight.Check(stream);

        Assert.Equal(ImagePreflight.Check(image).ToString(), result.ToString());
        Assert.Equal(ImagePreflight.Check(image).Info, result.Info);
        Assert.True(stream.Position == 2, name);
    }

    [Theory]
    [MemberData(nameof(Images), DisableDiscoveryEnumeration = true)]
    public void A_stream_that_cannot_seek_gets_the_same_reason_without_a_size(string name, byte[] image)
    {
        using var stream = new ForwardOnlyStream(image);

        ImagePreflightResult result = ImagePreflight.Check(stream);

        ImagePreflightResult expected = ImagePreflight.Check(image);
        // Its size is unknown; "too big" is still found too large, because its padding chunk runs past 5 MiB before the
        // image data (IDAT), where the walk of a stream that cannot seek stops.
        Assert.True(expected.Reason == result.Reason, $"{name}: {result}");
        Assert.Equal(0, result.Info.FileSize);
    }

    [Fact]
    public void Only_the_header_is_read_and_unneeded_segments_are_skipped()
    {
        byte[] jpeg = TestJpeg.Start().Jfif().Exif(65_000).Exif(65_000).Frame(0xC0, 1024, 1024).ScanAndEnd(new string('x', 1_000_000));
        using var stream = new CountingStream(jpeg);

        // Three windows of 4 KiB: the start, then one after each skipped EXIF block; the 1 MB after the header is never read.
        Assert.True(ImagePreflight.Check(stream).IsValid);
        Assert.True(stream.BytesRead <= 3 * 4096, $"read {stream.BytesRead} bytes of {jpeg.Length}");
    }

    [Theory]
    [MemberData(nameof(Images), DisableDiscoveryEnumeration = true)]
    public async Task A_file_gets_the_same_verdict_sync_and_async(string name, byte[] image)
    {
        string path = Path.Combine(_folder, name + ".img");
        await File.WriteAllBytesAsync(path, image);

        ImagePreflightResult expected = ImagePreflight.Check(image);
        Assert.Equal(expected.ToString(), ImagePreflight.CheckFile(path).ToString());
        Assert.Equal(expected.Info, (await ImagePreflight.CheckFileAsync(path)).Info);
    }

    [Fact]
    public async Task A_missing_file_is_not_an_image_problem_and_names_its_path()
    {
        string path = Path.Combine(_folder, "missing.png");

        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => ImagePreflight.CheckFile(path)).Message, StringComparison.Ordinal);
        Assert.Contains(path, (await Assert.ThrowsAsync<FileNotFoundException>(() => ImagePreflight.CheckFileAsync(path).AsTask())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_an_image_problem_either()
    {
        var error = Assert.Throws<ArgumentException>(() => ImagePreflight.CheckFile(_folder));

        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        // MemoryStream routes every read of a derived type through this overload.
        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
