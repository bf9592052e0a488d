using System.Diagnostics;
using System.Globalization;
using SkinLite.Imaging;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// The managed library's own peak memory when fitting a photo (benchmarks/fit-photo.sh runs it for 12 MP and 48 MP):
/// reads the file, notes the process's peak working set, fits it N times with one <see cref="ImageFitter"/>, and prints
/// one Markdown row: median wall time per fit, the peak working set before the first fit (runtime and file) and after
/// the last (what a process that fits photos needs), and the difference (what fitting adds). Usage: <c>fit &lt;photo&gt; [runs]</c>
/// (default 10).
/// </summary>
public static class FitPeak
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length is < 1 or > 2)
        {
            Console.Error.WriteLine("usage: fit <photo> [runs]");
            return 2;
        }

        string path = args[0];
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        byte[] photo = File.ReadAllBytes(path);
        var fitter = new ImageFitter();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long before = self.PeakWorkingSet64;

        var samples = new double[runs];
        string report = "";
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using FittedImage fitted = fitter.Fit(photo, Path.GetFileName(path));
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            report = fitted.Report.ToString();
        }

        self.Refresh();
        long after = self.PeakWorkingSet64;
        Array.Sort(samples);
        double median = runs % 2 == 1 ? samples[runs / 2] : (samples[(runs / 2) - 1] + samples[runs / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Path.GetFileName(path)} | {runs} | {median:0} ms | {before / 1048576.0:0.0} MB | {after / 1048576.0:0.0} MB | {(after - before) / 1048576.0:0.0} MB | {report} |"));
        return 0;
    }
}
