using System.Diagnostics;
using System.Globalization;

namespace SkinLite.Cli.Tests.Support;

/// <summary>Ctrl-C for a running batch, sent when a job is surely in flight: how the batch tests cut a run short.</summary>
internal static class BatchInterrupt
{
    /// <summary>Waits until the batch's journal records a submit (that job is then in flight), then sends SIGINT.</summary>
    public static async Task AfterFirstSubmitAsync(Process batch, string journal, CancellationToken cancellationToken)
    {
        while (!File.Exists(journal) || !(await ReadSharedAsync(journal)).Contains("\"record\":\"submitted\"", StringComparison.Ordinal))
        {
            await Task.Delay(50, cancellationToken);
        }

        using Process kill = Process.Start("kill", ["-INT", batch.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync(cancellationToken);
    }

    /// <summary>The journal as it is now; the batch holds it open for writing.</summary>
    private static async Task<string> ReadSharedAsync(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
