using System.Diagnostics;

namespace SkinLite.Cli.Tests.Support;

/// <summary>
/// The published native binary under test: artifacts/cli/skinlite, where CI publishes it. When it is absent, or older
/// than a source file it is built from, the first test publishes it (once per test run, under a lock) exactly as CI
/// would: the tests never run a JIT build, nor a stale binary after a local edit.
/// </summary>
internal static class CliBinary
{
    public const string RelativePath = "artifacts/cli/skinlite";

    private static readonly Lazy<string> Published = new(PublishIfAbsent, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Published.Value;

    private static string PublishIfAbsent()
    {
        string binary = RepositoryRoot.File(RelativePath);
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= NewestSource())
        {
            return binary;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "publish", "src/SkinLite.Cli", "-c", "Release", "-r", "linux-x64", "-o", "artifacts/cli", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process publish = Process.Start(start)!;
        Task<string> output = publish.StandardOutput.ReadToEndAsync();
        Task<string> errors = publish.StandardError.ReadToEndAsync();
        if (!publish.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            publish.Kill(entireProcessTree: true);
            throw new InvalidOperationException("Publishing the native skinlite binary took more than 15 minutes.");
        }

        if (publish.ExitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"Publishing the native skinlite binary failed ({publish.ExitCode}):\n{output.Result}\n{errors.Result}");
        }

        return binary;
    }

    private static DateTime NewestSource() =>
        Directory.EnumerateFiles(RepositoryRoot.File("src"), "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Path, "Directory.*.props"))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
}
