using System.Diagnostics;
using System.Globalization;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Group "many jobs": N jobs waiting at once (<see cref="SkinLiteClient.WaitAsync(SkinAnalysisJob, PollingOptions?, CancellationToken)"/>)
/// on one client over the in-process emulator. Reports the managed memory each parked wait holds (target: at most 2 KB,
/// flat from 100 to 10,000 jobs) and the CPU time of one poll. Usage: <c>jobs [count...]</c> (default 100 1000 10000).
/// </summary>
public static class ManyJobs
{
    public static int Run(ReadOnlySpan<string> args)
    {
        int[] counts = args.Length > 0 ? [.. args.ToArray().Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [100, 1000, 10_000];
        Console.WriteLine("| jobs | managed memory per waiting job | CPU per poll (pending, in-process) | wall per poll |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (int count in counts)
        {
            Measure(count).GetAwaiter().GetResult();
        }

        return 0;
    }

    private static async Task Measure(int count)
    {
        using EmulatedService service = EmulatedService.InProcess(pending: true, maxJobs: count + 10);
        var jobs = new SkinAnalysisJob[count];
        for (int i = 0; i < count; i++)
        {
            jobs[i] = service.Submit();
        }

        // CPU per poll: every job polled once, twice over (the first pass warms up).
        for (int pass = 0; pass < 2; pass++)
        {
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long wallBefore = Stopwatch.GetTimestamp();
            foreach (SkinAnalysisJob job in jobs)
            {
                if (!(await service.Client.GetOutcomeAsync(job).ConfigureAwait(false)).IsPending)
                {
                    throw new InvalidOperationException("A job finished; the memory figure would not be of waiting jobs.");
                }
            }

            if (pass == 1)
            {
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / count;
                double wall = Stopwatch.GetElapsedTime(wallBefore).TotalMicroseconds / count;
                Console.Write(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | "));
                await MeasureWaiting(service, jobs).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" | {cpu:0.0} us | {wall:0.0} us |"));
            }
        }
    }

    /// <summary>Starts every wait, lets each make its first poll and park on its timer, then weighs the heap.</summary>
    private static async Task MeasureWaiting(EmulatedService service, SkinAnalysisJob[] jobs)
    {
        var polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMinutes(5), MaxInterval = TimeSpan.FromMinutes(5), Deadline = TimeSpan.FromHours(1) };
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource();
        var waits = new Task<AnalysisOutcome>[jobs.Length];
        for (int i = 0; i < jobs.Length; i++)
        {
            waits[i] = service.Client.WaitAsync(jobs[i], polling, stop.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false); // every first poll is in-process and quick
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{(after - before) / (double)jobs.Length:0} B"));
        if (waits.Any(w => w.IsCompleted))
        {
            Console.Write(" (some waits ended early!)");
        }

        await stop.CancelAsync().ConfigureAwait(false);
        foreach (Task<AnalysisOutcome> wait in waits)
        {
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
