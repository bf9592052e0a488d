using System.Globalization;
using SkinLite.Benchmarks.Polling;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// What one poll of a running wait allocates: a wait on a job that stays pending, polled every millisecond over the
/// in-process emulator until its deadline, all threads counted (the wait's continuations run on the thread pool). The
/// emulator's own share is in the figure too and is the same for every build, so compare builds, not against zero.
/// Usage: <c>wait-bytes [seconds] [runs]</c> (default 2 s, 3 runs).
/// </summary>
public static class WaitBytes
{
    public static int Run(ReadOnlySpan<string> args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        using EmulatedService service = EmulatedService.InProcess(pending: true, maxJobs: runs + 10);
        Measure(service, 0.5); // warm-up: tiered code, pools, the emulator's caches
        for (int run = 0; run < runs; run++)
        {
            (double bytes, int polls) = Measure(service, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wait loop, pending, in-process: {bytes:0} B per poll over {polls} polls"));
        }

        return 0;
    }

    private static (double BytesPerPoll, int Polls) Measure(EmulatedService service, double seconds)
    {
        SkinAnalysisJob job = service.Submit();
        var options = new PollingOptions { InitialDelay = TimeSpan.Zero, FixedInterval = TimeSpan.FromMilliseconds(1), Deadline = TimeSpan.FromSeconds(seconds) };
        long before = GC.GetTotalAllocatedBytes(precise: true);
        try
        {
            service.Client.WaitAsync(job, options).GetAwaiter().GetResult();
            throw new InvalidOperationException("The job should have stayed pending until the deadline.");
        }
        catch (SkinLiteWaitTimeoutException timeout)
        {
            return ((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)timeout.Polls, timeout.Polls);
        }
    }
}
