using BenchmarkDotNet.Attributes;
using SkinLite.Imaging;

namespace SkinLite.Benchmarks.Imaging;

/// <summary>
/// Group "fitting a phone photo" (issue 13): a camera JPEG (EXIF orientation 6 and GPS, q92) fitted to the API's rules
/// (upright, long side at most 2048, no metadata, JPEG q90). SkinLite's <see cref="ImageFitter"/> in process, and as
/// processes on the same file: ImageMagick's convert (the baseline), vipsthumbnail, and the native <c>skinlite fit</c>
/// (process against process: the spawn is paid by all three). Targets: SkinLite at most 1.0x ImageMagick and at most 2x
/// vipsthumbnail; peak memory under 100 MB at 12 MP (peak memory is measured by benchmarks/fit-photo.sh, not here: the
/// memory diagnoser sees only this process's managed allocations). A program that is not installed is left out (see
/// <see cref="PhotoTools.Filter"/>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("imaging")]
public class FitPhotoBenchmarks
{
    private readonly ImageFitter _fitter = new();
    private byte[] _photo = [];
    private string _folder = "";
    private string _input = "";

    [Params(12, 48)]
    public int Megapixels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (int width, int height) = CameraJpeg.SizeOf(Megapixels);
        _photo = CameraJpeg.Create(width, height);
        _folder = Directory.CreateTempSubdirectory($"skinlite-bench-{Environment.ProcessId}-fit-").FullName;
        _input = Path.Combine(_folder, "in.jpg");
        File.WriteAllBytes(_input, _photo);

        using FittedImage fitted = _fitter.Fit(_photo, "in.jpg");
        FitReport report = fitted.Report;
        if (report.Width > 2048 || report.Height > 2048 || report.Width > report.Height || report.RotationDegrees != 90 || report.Quality is null)
        {
            throw new InvalidOperationException($"The fitter did not fit the {Megapixels} MP camera photo as expected: {report}");
        }

        Console.WriteLine($"// {Megapixels} MP camera photo: {width}x{height}, {_photo.Length:N0} bytes; SkinLite: {report} (decoded at {report.DecodedWidth}x{report.DecodedHeight}, q{report.Quality}, {report.BytesAfter:N0} bytes)");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "ImageMagick convert (process)")]
    [NeedsTool(PhotoTools.ImageMagick)]
    public void ImageMagick() =>
        PhotoTools.Run(PhotoTools.Require(PhotoTools.ImageMagick), _input, "-auto-orient", "-resize", "2048x2048>", "-strip", "-quality", "90", Path.Combine(_folder, "convert.jpg"));

    [Benchmark(Description = "vipsthumbnail (process)")]
    [NeedsTool(PhotoTools.Vips)]
    public void Vips() =>
        PhotoTools.Run(PhotoTools.Require(PhotoTools.Vips), _input, "-s", "2048", "-o", Path.Combine(_folder, "vips.jpg") + "[Q=90,strip]");

    [Benchmark(Description = "skinlite fit (native CLI, process)")]
    [NeedsTool(PhotoTools.NativeCli)]
    public void NativeCli() =>
        PhotoTools.Run(PhotoTools.Require(PhotoTools.NativeCli), "fit", _input, Path.Combine(_folder, "skinlite.jpg"));

    [Benchmark(Description = "SkinLite ImageFitter.Fit (in process)")]
    public long SkinLite()
    {
        using FittedImage fitted = _fitter.Fit(_photo, "in.jpg");
        return fitted.Content.Length;
    }
}
