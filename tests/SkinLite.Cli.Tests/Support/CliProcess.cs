using System.Diagnostics;

namespace SkinLite.Cli.Tests.Support;

/// <summary>
/// Runs the native binary in the repository root with a clean environment: the SKINLITE_* variables of whoever runs
/// the tests never leak in, so a developer's real key cannot turn a test into a paid request.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    public static async Task<CliResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, byte[]? stdin)
    {
        using Process process = Start(arguments, environment);
        return await CompleteAsync(process, stdin);
    }

    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(CliBinary.Path)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in new[] { "SKINLITE_ACCESS_KEY", "SKINLITE_APP_ID", "SKINLITE_BASE_URL" })
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static async Task<CliResult> CompleteAsync(Process process, byte[]? stdin = null)
    {
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"skinlite did not exit within {Limit}: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
