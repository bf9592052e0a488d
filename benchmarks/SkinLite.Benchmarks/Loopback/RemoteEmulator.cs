using System.Diagnostics;
using SkinLite.Benchmarks.Polling;
using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Benchmarks.Loopback;

/// <summary>
/// The emulator's Kestrel server in a process of its own (this benchmark program, run as <c>serve-emulator pending|success</c>),
/// so that a benchmark process's allocation figures are its client's alone. The child prints its address and serves until
/// its standard input closes; <see cref="Dispose"/> closes it and waits for the child to end.
/// </summary>
public sealed class RemoteEmulator : IDisposable
{
    // Set by Program.cs before BenchmarkDotNet starts its child processes (which inherit it): how to start this program again.
    public const string HostVariable = "SKINLITE_BENCHMARKS_HOST";
    private const string AddressPrefix = "address ";

    private readonly Process _process;

    private RemoteEmulator(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The transformation family's base address on the child's server.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Remembers how to start this program again, for <see cref="Start"/> in BenchmarkDotNet's child processes.</summary>
    public static void RememberHost()
    {
        if (Environment.GetEnvironmentVariable(HostVariable) is null)
        {
            Environment.SetEnvironmentVariable(HostVariable, string.Join('\n', HostCommand()));
        }
    }

    public static RemoteEmulator Start(bool pending)
    {
        string[] command = (Environment.GetEnvironmentVariable(HostVariable) ?? string.Join('\n', HostCommand())).Split('\n');
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.AsSpan(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("serve-emulator");
        start.ArgumentList.Add(pending ? "pending" : "success");
        // The server's own GC settings must not follow the benchmark job's (server GC, concurrent...): a small, quiet child.
        start.Environment["DOTNET_gcServer"] = "0";
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        try
        {
            Task<string?> line = process.StandardOutput.ReadLineAsync();
            if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is not { } text || !text.StartsWith(AddressPrefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The emulator process ({string.Join(' ', start.ArgumentList)}) did not say its address.");
            }

            return new RemoteEmulator(process, new Uri(text[AddressPrefix.Length..]));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>The child's side: serves a pending or finishing emulator on 127.0.0.1 until standard input closes.</summary>
    public static int Serve(ReadOnlySpan<string> args)
    {
        bool pending = args.Length == 0 || args[0] != "success";
        using var emulator = new SkinAnalysisEmulator(EmulatedService.Options(pending, maxJobs: 1000));
        EmulatorServer server = EmulatorServer.StartAsync(emulator).GetAwaiter().GetResult();
        try
        {
            Console.Out.WriteLine(AddressPrefix + server.BaseAddressFor(SkinLiteApi.Transformation).AbsoluteUri);
            Console.Out.Flush();
            _ = Console.In.ReadToEnd();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return 0;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    // This program again: its apphost, or `dotnet <dll>` when it was started through the muxer.
    private static string[] HostCommand()
    {
        string path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        string name = Path.GetFileNameWithoutExtension(path);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? [path, typeof(RemoteEmulator).Assembly.Location]
            : [path];
    }
}
