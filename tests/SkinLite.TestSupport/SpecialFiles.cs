using System.Diagnostics;

namespace SkinLite.TestSupport;

/// <summary>Special files to hand where an image or a document is expected.</summary>
public static class SpecialFiles
{
    /// <summary>A device that reports 0 bytes and never ends.</summary>
    public const string Zero = "/dev/zero";

    /// <summary>Makes a FIFO (named pipe) with nothing writing to it: opening it for reading would block for ever.</summary>
    public static string Fifo(TempFolder folder, string name = "image.png")
    {
        string path = System.IO.Path.Combine(folder.Path, name);
        using Process mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? path : throw new InvalidOperationException($"mkfifo {path} failed with exit code {mkfifo.ExitCode}");
    }
}
