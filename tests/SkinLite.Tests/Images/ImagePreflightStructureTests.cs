using System.Buffers.Binary;
using SkinLite.Tests.Support;

namespace SkinLite.Tests.Images;

/// <summary>
/// The structure walk: a PNG from IHDR to IEND, a JPEG through its scans to the end-of-image marker. Every case is checked
/// in memory, from a seekable stream, from a file and from a stream that cannot seek; the last stops at the first IDAT
/// or SOS (so the rest of the stream is not consumed), and catches only what comes before it.
/// </summary>
public sealed class ImagePreflightStructureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public enum Source
    {
        Span,
        SeekableStream,
        File,
        ForwardOnlyStream,
    }

    /// <summary>name, image, the text the refusal names (null: valid), whether a stream that cannot seek sees it.</summary>
    public static TheoryData<string, byte[], string?, bool> Cases()
    {
        byte[] png = TestPng.Create(1024, 1024);
        byte[] jpeg = TestImages.Jpeg();
        int scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] header = TestPng.Start().Header(1024, 1024).ToArray();
        byte[] badCrc = (byte[])png.Clone();
        badCrc[32] ^= 0x01;
        byte[] longChunk = [.. header, .. ChunkHead(100_000, "IDAT"), .. new byte[100]];
        byte[] hugeLength = [.. header, .. ChunkHead(0x8000_0000, "tEXt"), .. new byte[100]];
        byte[] garbageType = [.. TestPng.Start().Header(1024, 1024).Chunk("IDAT", [1, 2, 3]).ToArray(), .. ChunkHead(0, "\x12\x34\x56\x78"), 0, 0, 0, 0, .. TestPng.Start().End().ToArray()[8..]];
        return new()
        {
            { "real png", png, null, true },
            { "real png with bytes after IEND", TestPng.Create(1024, 1024, trailer: "\x89PNG trailer"), null, true },
            { "minimal palette png", TestPng.Minimal(1024, 1024, colorType: 3), null, true },
            { "png cut after IHDR", png[..33], "after the chunk 'IHDR' at offset 8, without the IEND chunk", true },
            { "png cut inside IDAT", png[..^20], "inside the chunk 'IDAT' that starts at offset 33", false },
            { "png without IEND", png[..^12], "after the chunk 'IDAT' at offset 33, without the IEND chunk", false },
            { "png cut inside the IEND CRC", png[..^2], "inside the chunk 'IEND'", false },
            { "png IEND that is not empty", TestPng.Start().Header(1024, 1024).Chunk("IDAT", [1]).Chunk("IEND", [1, 2, 3, 4]).ToArray(), "IEND chunk at offset 46 declares a length of 4", false },
            { "png garbage chunk type", garbageType, "has the type 12345678, not four ASCII letters", false },
            { "png chunk length past the end", longChunk, "inside the chunk 'IDAT' that starts at offset 33 and declares 100000 data bytes", false },
            { "png chunk length over 2^31-1", hugeLength, "declares a length of 2147483648; PNG allows at most 2147483647", true },
            { "png without IDAT", TestPng.Start().Header(1024, 1024).Chunk("tEXt", "a\0b"u8).End().ToArray(), "without any image data (IDAT)", true },
            { "palette png without PLTE", TestPng.Start().Header(1024, 1024, colorType: 3).Chunk("IDAT", [1]).End().ToArray(), "without a palette (PLTE)", true },
            { "png PLTE after IDAT", TestPng.Start().Header(1024, 1024, colorType: 2).Chunk("IDAT", [1]).Chunk("PLTE", [0, 0, 0]).End().ToArray(), "palette (PLTE) at offset 46 comes after the image data", false },
            { "png split IDAT", TestPng.Start().Header(1024, 1024).Chunk("IDAT", [1]).Chunk("tEXt", "a\0b"u8).Chunk("IDAT", [2]).End().ToArray(), "IDAT chunks must be consecutive", false },
            { "png second IHDR", TestPng.Start().Header(1024, 1024).Header(1024, 1024).Chunk("IDAT", [1]).End().ToArray(), "second IHDR chunk at offset 33", true },
            { "png IHDR with a wrong CRC", badCrc, "IHDR) has the CRC", true },
            { "jpeg", jpeg, null, true },
            { "jpeg cut before SOS", jpeg[..scan], $"ends after {scan} bytes, after the frame header but before any scan (SOS)", true },
            { "jpeg cut inside the scan data", jpeg[..^100], $"its JPEG data ends after {jpeg.Length - 100} bytes inside the scan data, without the end-of-image marker (FF D9): the file is cut short", false },
            { "jpeg without EOI", jpeg[..^2], "inside the scan data, without the end-of-image marker (FF D9)", false },
            { "jpeg cut inside EOI", jpeg[..^1], "inside the scan data", false },
            { "jpeg EOI before SOS", TestJpeg.Start().Jfif().Frame(0xC0, 1024, 1024).Raw(0xFF, 0xD9).ToArray(), "reaches the end-of-image marker (FF D9) at offset 39 before any scan (SOS)", true },
            { "jpeg start of image inside the scan", TestJpeg.Start().Jfif().Frame(0xC0, 1024, 1024).Scan().Raw(1, 2, 0xFF, 0xD8, 3).Raw(0xFF, 0xD9).ToArray(), "the marker FF D8 at offset", false },
            { "progressive jpeg with several scans", Progressive(), null, true },
            { "jpeg with stuffed bytes, restart markers and fill", TestJpeg.Start().Jfif().Segment(0xDD, [0, 4]).Frame(0xC0, 1024, 1024).Scan().Raw(1, 0xFF, 0x00, 2, 0xFF, 0xD0, 3, 0xFF, 0xD7, 0xFF, 0xFF, 0x00, 4, 0xFF).Raw(0xFF, 0xD9).ToArray(), null, true },
            { "jpeg with a trailer after EOI", [.. TestImages.Jpeg(), .. "trailer \xFF\xD8\xFF\x00 junk"u8, 0xFF, 0xD8, 0xFF], null, true },
            { "jpeg with a broken segment between scans", TestJpeg.Start().Frame(0xC2, 1024, 1024).Scan().Raw(1, 2).Raw(0xFF, 0xC4, 0x00, 0x01).Raw(0xFF, 0xD9).ToArray(), "declares a length of 1", false },
        };
    }

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public async Task Every_source_gives_the_verdict_of_the_structure(string name, byte[] image, string? problem, bool forwardOnlySees)
    {
        foreach (Source source in Enum.GetValues<Source>())
        {
            ImagePreflightResult result = await Check(image, source);

            bool expectValid = problem is null || (source == Source.ForwardOnlyStream && !forwardOnlySees);
            if (expectValid)
            {
                Assert.True(result.IsValid, $"{name} via {source}: {result}");
            }
            else
            {
                Assert.True(result.Reason == RejectionReason.CorruptImage, $"{name} via {source}: {result}");
                Assert.Contains(problem!, result.Message, StringComparison.Ordinal);
                Assert.StartsWith("The image cannot be read: ", result.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_readme_sample_passes_from_every_source()
    {
        byte[] face = await File.ReadAllBytesAsync(RepositoryRoot.File("samples/face.png"));

        foreach (Source source in Enum.GetValues<Source>())
        {
            ImagePreflightResult result = await Check(face, source);
            Assert.True(result.IsValid, $"{source}: {result}");
        }
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_no_further_than_a_window_past_the_first_IDAT_or_SOS()
    {
        // 3 MB of image data after the header: a stream that cannot seek must not be drained to check it.
        byte[] jpeg = TestImages.Jpeg(fillerBytes: 3_000_000);
        byte[] png = TestPng.Start().Header(1024, 1024).Chunk("IDAT", new byte[3_000_000]).End().ToArray();
        foreach (byte[] image in new[] { jpeg, png })
        {
            using var stream = new CountingForwardOnlyStream(image);

            Assert.True(ImagePreflight.Check(stream).IsValid);
            Assert.True(stream.BytesRead <= 4096, $"read {stream.BytesRead} bytes of {image.Length}");
        }
    }

    [Theory]
    [InlineData(6_000_000, RejectionReason.FileTooLarge)]
    [InlineData(1_000_000, RejectionReason.CorruptImage)]
    public void A_huge_chunk_length_makes_a_stream_that_cannot_seek_read_no_further_than_5_MiB(int following, RejectionReason reason)
    {
        byte[] png = [.. TestPng.Start().Header(1024, 1024).ToArray(), .. ChunkHead(0x7FFF_0000, "tEXt"), .. new byte[following]];
        using var stream = new CountingForwardOnlyStream(png);

        ImagePreflightResult result = ImagePreflight.Check(stream);

        Assert.True(result.Reason == reason, result.ToString());
        Assert.True(stream.BytesRead <= ImagePreflight.MaxFileBytes + 4096, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void A_seekable_stream_skips_the_png_image_data_and_reads_through_the_jpeg_scans()
    {
        byte[] png = TestPng.Start().Header(1024, 1024).Chunk("IDAT", new byte[3_000_000]).End().ToArray();
        using var pngStream = new SeekableCountingStream(png);
        Assert.True(ImagePreflight.Check(pngStream).IsValid);
        Assert.True(pngStream.BytesRead <= 2 * 4096, $"read {pngStream.BytesRead} bytes of the PNG");

        byte[] jpeg = TestImages.Jpeg(fillerBytes: 3_000_000);
        using var jpegStream = new SeekableCountingStream(jpeg);
        Assert.True(ImagePreflight.Check(jpegStream).IsValid);
        Assert.InRange(jpegStream.BytesRead, jpeg.Length, jpeg.Length + (64 * 1024));
    }

    private async Task<ImagePreflightResult> Check(byte[] image, Source source)
    {
        switch (source)
        {
            case Source.Span:
                return ImagePreflight.Check(image);
            case Source.SeekableStream:
                using (var stream = new MemoryStream(image))
                {
                    return ImagePreflight.Check(stream);
                }

            case Source.File:
                string path = _folder.Write($"image-{Guid.NewGuid():N}.bin", image);
                ImagePreflightResult sync = ImagePreflight.CheckFile(path);
                ImagePreflightResult async = await ImagePreflight.CheckFileAsync(path);
                Assert.Equal(sync.ToString(), async.ToString());
                return sync;
            default:
                using (var forward = new ForwardOnlyStream(image))
                {
                    return ImagePreflight.Check(forward);
                }
        }
    }

    private static byte[] ChunkHead(uint length, string type)
    {
        byte[] head = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, length);
        for (int i = 0; i < 4; i++)
        {
            head[4 + i] = (byte)type[i];
        }

        return head;
    }

    /// <summary>A progressive JPEG: a DC scan, then Huffman tables and AC scans, as encoders write them.</summary>
    internal static byte[] Progressive() =>
        TestJpeg.Start().Jfif().Segment(0xDB, new byte[65]).Frame(0xC2, 1024, 1024).Segment(0xC4, new byte[30])
            .Scan().Raw(TestImages.ScanFiller(500))
            .Segment(0xC4, new byte[30]).Scan().Raw(TestImages.ScanFiller(700)).Raw(0xFF, 0xD1)
            .Segment(0xC4, new byte[30]).Scan().Raw(TestImages.ScanFiller(900))
            .Raw(0xFF, 0xD9).ToArray();

    private sealed class SeekableCountingStream(byte[] data) : MemoryStream(data)
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

    private sealed class CountingForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
