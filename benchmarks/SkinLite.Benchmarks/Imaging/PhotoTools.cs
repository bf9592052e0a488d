using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Imaging;

/// <summary>Marks a benchmark that runs an outside program; it is left out of the run when the program is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsToolAttribute(string tool) : Attribute
{
    public string Tool { get; } = tool;
}

/// <summary>
/// The programs a user would fit a photo with instead of SkinLite, found once: ImageMagick's /usr/bin/convert (checked to
/// be real ImageMagick: /usr/local/bin/convert may be a stand-in; $SKINLITE_CONVERT overrides the path), vipsthumbnail on PATH, and the native CLI at
/// artifacts/cli/skinlite. <see cref="Filter"/> leaves out the benchmarks of the missing ones, with a note, so CI's dry run
/// on a machine without them stays green.
/// </summary>
public static class PhotoTools
{
    public const string ImageMagick = "convert";
    public const string Vips = "vipsthumbnail";
    public const string NativeCli = "skinlite";

    /// <summary>Where ImageMagick's convert is looked for: $SKINLITE_CONVERT, else /usr/bin/convert.</summary>
    private static readonly string ConvertCandidate = Environment.GetEnvironmentVariable("SKINLITE_CONVERT") is { Length: > 0 } c ? c : "/usr/bin/convert";

    private static readonly Lazy<string?> ConvertPath = new(() => Answers(ConvertCandidate, "-version", "ImageMagick") ? ConvertCandidate : null);
    private static readonly Lazy<string?> VipsPath = new(() => OnPath("vipsthumbnail") is { } p && Answers(p, "--vips-version", "libvips") ? p : null);
    private static readonly Lazy<string?> CliPath = new(() => RepositoryRoot.Found is { } root && File.Exists(Path.Combine(root, "artifacts/cli/skinlite")) ? Path.Combine(root, "artifacts/cli/skinlite") : null);

    public static string? Find(string tool) => tool switch
    {
        ImageMagick => ConvertPath.Value,
        Vips => VipsPath.Value,
        NativeCli => CliPath.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "convert, vipsthumbnail or skinlite"),
    };

    public static string Require(string tool) => Find(tool) ?? throw new InvalidOperationException($"{tool} is not installed; the filter should have left this benchmark out.");

    /// <summary>Keeps a benchmark unless it is marked <see cref="NeedsToolAttribute"/> for a program that is missing.</summary>
    public static SimpleFilter Filter { get; } = new(Keep);

    private static bool Keep(BenchmarkCase benchmark)
    {
        if (benchmark.Descriptor.WorkloadMethod.GetCustomAttribute<NeedsToolAttribute>() is not { } needs || Find(needs.Tool) is not null)
        {
            return true;
        }

        string hint = needs.Tool switch
        {
            ImageMagick => "apt-get install imagemagick, or set SKINLITE_CONVERT",
            Vips => "apt-get install libvips-tools",
            _ => "dotnet publish src/SkinLite.Cli -c Release -r linux-x64 -o artifacts/cli",
        };
        Console.WriteLine($"// note: {benchmark.Descriptor.WorkloadMethodDisplayInfo} {benchmark.Parameters.DisplayInfo} skipped: {needs.Tool} is not installed ({hint})");
        return false;
    }

    /// <summary>Runs a program to its end, its output thrown away; throws when it fails.</summary>
    public static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}");
        }
    }

    private static bool Answers(string program, string argument, string expected)
    {
        if (!File.Exists(program))
        {
            return false;
        }

        try
        {
            var start = new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Contains(expected, StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
