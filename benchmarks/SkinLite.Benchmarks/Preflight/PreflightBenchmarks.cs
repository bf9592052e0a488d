using System.IO.Hashing;
using BenchmarkDotNet.Attributes;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Preflight;

/// <summary>
/// The image preflight of a 5 MB file, the service's limit: the whole structure is walked (the PNG's chunks from IHDR to
/// IEND, its IDAT data skipped; the JPEG's scan data read through to the end-of-image marker), in memory and from a file.
/// Target: a few milliseconds at most. The last row is the whole-file CRC-32 a per-chunk CRC check would add to the PNG.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("preflight")]
public class PreflightBenchmarks
{
    /// <summary>Just under 5 MiB, like the submit group's image.</summary>
    public const int ImageBytes = 5 * 1000 * 1000;

    private byte[] _jpeg = [];
    private byte[] _png = [];
    private string _jpegPath = "";
    private string _pngPath = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);

        // Random scan data, with every FF followed by a stuffed 00: about 19,500 FF bytes for the walk to step over.
        byte[] scan = new byte[ImageBytes];
        random.NextBytes(scan);
        for (int i = 0; i < scan.Length; i++)
        {
            if (scan[i] == 0xFF)
            {
                if (i + 1 < scan.Length)
                {
                    scan[++i] = 0x00;
                }
                else
                {
                    scan[i] = 0x00;
                }
            }
        }

        _jpeg = TestJpeg.Start().Jfif().Frame(0xC0, 2048, 1536).Scan().Raw(scan).Raw(0xFF, 0xD9).ToArray();

        // IDAT chunks of 8 KiB, as libpng writes them: about 610 chunks to walk.
        TestPng png = TestPng.Start().Header(2048, 1536, colorType: 2);
        byte[] data = new byte[8192];
        for (int written = 0; written < ImageBytes; written += data.Length)
        {
            random.NextBytes(data);
            png.Chunk("IDAT", data);
        }

        _png = png.End().ToArray();

        string prefix = Path.Combine(Path.GetTempPath(), $"skinlite-bench-{Environment.ProcessId}-preflight");
        _jpegPath = prefix + ".jpg";
        _pngPath = prefix + ".png";
        File.WriteAllBytes(_jpegPath, _jpeg);
        File.WriteAllBytes(_pngPath, _png);
        foreach (ImagePreflightResult result in new[] { JpegSpan(), PngSpan(), JpegFile(), PngFile() })
        {
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"The benchmark image should pass: {result}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_jpegPath);
        File.Delete(_pngPath);
    }

    [Benchmark(Baseline = true, Description = "5 MB JPEG, span")]
    public ImagePreflightResult JpegSpan() => ImagePreflight.Check(_jpeg);

    [Benchmark(Description = "5 MB JPEG, file")]
    public ImagePreflightResult JpegFile() => ImagePreflight.CheckFile(_jpegPath);

    [Benchmark(Description = "5 MB PNG, span")]
    public ImagePreflightResult PngSpan() => ImagePreflight.Check(_png);

    [Benchmark(Description = "5 MB PNG, file")]
    public ImagePreflightResult PngFile() => ImagePreflight.CheckFile(_pngPath);

    [Benchmark(Description = "not done: CRC-32 of the whole 5 MB PNG")]
    public uint PngWholeFileCrc() => Crc32.HashToUInt32(_png);
}
