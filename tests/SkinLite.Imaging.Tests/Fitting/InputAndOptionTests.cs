using SkinLite.TestSupport;

namespace SkinLite.Imaging.Tests.Fitting;

/// <summary>The ways an image comes in (memory, stream, file) and the options, including the wrong ones.</summary>
public sealed class InputAndOptionTests
{
    private readonly ImageFitter _fitter = new();

    [Fact]
    public async Task A_file_a_stream_and_memory_give_the_same_image()
    {
        byte[] source = FixtureFiles.Bytes("orientation-6.jpg");
        using FittedImage fromMemory = _fitter.Fit(source, "a.jpg");
        using var stream = new MemoryStream(source);
        using FittedImage fromStream = _fitter.Fit(stream, "a.jpg");
        using FittedImage fromFile = await _fitter.FitFileAsync(FixtureFiles.PathOf("orientation-6.jpg"));

        Assert.Equal(fromMemory.Content.ToArray(), fromStream.Content.ToArray());
        Assert.Equal(fromMemory.Content.ToArray(), fromFile.Content.ToArray());
        Assert.Equal("orientation-6.jpg", fromFile.FileName);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_to_its_end()
    {
        using var stream = new ForwardOnlyStream(FixtureFiles.Bytes("orientation-3.jpg"));
        using FittedImage fitted = _fitter.Fit(stream);

        Corners.AssertUpright(fitted.Content.ToArray());
        Assert.Equal("image.jpg", fitted.FileName);
    }

    [Fact]
    public async Task A_missing_file_and_a_FIFO_are_refused_before_anything_is_read()
    {
        using var folder = new TempFolder();
        FileNotFoundException missing = await Assert.ThrowsAsync<FileNotFoundException>(() => _fitter.FitFileAsync(Path.Combine(folder.Path, "nope.jpg")));
        Assert.Contains("nope.jpg", missing.Message, StringComparison.Ordinal);

        ArgumentException fifo = await Assert.ThrowsAsync<ArgumentException>(() => _fitter.FitFileAsync(SpecialFiles.Fifo(folder, "pipe.jpg")));
        Assert.Contains("FIFO", fifo.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_refused_before_it_is_read()
    {
        using var huge = new ClaimedLengthStream(ImageFitter.MaxInputBytes + 1);

        ImageFitException error = Assert.Throws<ImageFitException>(() => _fitter.Fit(huge));

        Assert.Equal(RejectionReason.FileTooLarge, error.Reason);
        Assert.Equal(0, huge.Position);
    }

    [Theory]
    [InlineData(0, 60, "Quality")]
    [InlineData(101, 60, "Quality")]
    [InlineData(90, 0, "MinimumQuality")]
    [InlineData(80, 90, "MinimumQuality")]
    public void Options_out_of_range_are_refused_when_the_fitter_is_made(int quality, int minimum, string name)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new ImageFitter(new ImageFitOptions { Quality = quality, MinimumQuality = minimum }));

        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Options_are_read_once_when_the_fitter_is_made()
    {
        var options = new ImageFitOptions();
        var fitter = new ImageFitter(options);
        options.KeepMetadata = true;

        using FittedImage fitted = fitter.Fit(FixtureFiles.Bytes("passes-with-gps.jpg"));

        Assert.True(fitted.Report.Changed);
    }

    [Fact]
    public void A_disposed_image_gives_no_content()
    {
        FittedImage fitted = _fitter.Fit(FixtureFiles.Bytes("orientation-2.jpg"));
        fitted.Dispose();
        fitted.Dispose();

        Assert.Throws<ObjectDisposedException>(() => fitted.Content);
    }

    [Fact]
    public void Assess_reads_headers_and_says_what_fitting_would_do()
    {
        FitAssessment rotated = _fitter.Assess(FixtureFiles.Bytes("orientation-6.jpg"));
        Assert.True(rotated.NeedsFitting);
        Assert.Equal(FitReasons.Orientation | FitReasons.Metadata, rotated.Reasons);
        Assert.Equal((1024, 1280), (rotated.Width, rotated.Height));
        Assert.Equal("fitting would fix it: rotate 90°, remove location, device, date and other metadata", rotated.ToString());

        FitAssessment clean = _fitter.Assess(FixtureFiles.Bytes("passes-clean.jpg"));
        Assert.False(clean.NeedsFitting);
        Assert.True(clean.CanFit);
        Assert.Equal(string.Empty, clean.Changes);

        FitAssessment heic = _fitter.Assess(FixtureFiles.Bytes("photo.heic"));
        Assert.False(heic.CanFit);
        Assert.Equal(RejectionReason.UnsupportedFormat, heic.RefusalReason);
    }

    /// <summary>A seekable stream that claims a length and holds nothing: reading it would be the bug.</summary>
    private sealed class ClaimedLengthStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read");
        public override long Seek(long offset, SeekOrigin origin) => throw new InvalidOperationException("seek");
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
