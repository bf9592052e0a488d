using System.Diagnostics;
using System.Globalization;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Shared machines drift in speed from minute to minute (docs/performance.md says by how much), which skews
/// BenchmarkDotNet's ratios (each method is measured in its own stretch of time). Here the methods of a group alternate in
/// short rounds in a shuffled order in one process, so drift hits them all alike; the ratio of medians is reported. Usage: <c>interleaved [rounds] [group filter]</c>.
/// </summary>
public static class InterleavedHarness
{
    public static int Run(ReadOnlySpan<string> args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        string? filter = args.Length > 1 ? args[1] : null;
        var random = new Random(1);
        Console.WriteLine($"interleaved harness: {rounds} shuffled rounds per group, {Environment.ProcessorCount} cores, {Environment.Version}");
        foreach (InterleavedGroup group in InterleavedGroups.All())
        {
            if (filter is not null && !group.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            MeasureAndReport(group, rounds, random);
        }

        return 0;
    }

    /// <summary>Runs the group's cases in shuffled rounds and prints their table.</summary>
    public static void MeasureAndReport(InterleavedGroup group, int rounds, Random random) => Report(group, Measure(group, rounds, random));

    private static Dictionary<InterleavedCase, (List<double> Nanoseconds, List<double> Bytes)> Measure(InterleavedGroup group, int rounds, Random random)
    {
        var samples = group.Cases.ToDictionary(c => c, _ => (Nanoseconds: new List<double>(), Bytes: new List<double>()));
        InterleavedCase[] order = [.. group.Cases];
        // Warm up until every method has reached its optimised code (tiered JIT), then record.
        long warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            foreach (InterleavedCase c in order)
            {
                c.Run();
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (InterleavedCase c in order)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < group.OperationsPerRound; i++)
                {
                    c.Run();
                }

                double elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                samples[c].Nanoseconds.Add(elapsed / group.OperationsPerRound);
                samples[c].Bytes.Add((double)allocated / group.OperationsPerRound);
            }
        }

        return samples;
    }

    private static void Report(InterleavedGroup group, Dictionary<InterleavedCase, (List<double> Nanoseconds, List<double> Bytes)> samples)
    {
        // The ratio is taken round by round (method and baseline measured moments apart), then the median of those.
        InterleavedCase baseline = group.Cases.Single(c => c.IsBaseline);
        List<double> baseTimes = samples[baseline].Nanoseconds;
        double baseBytes = Median(samples[baseline].Bytes);
        Console.WriteLine();
        Console.WriteLine($"## {group.Name}");
        Console.WriteLine("| method | median time | ratio (median of rounds) | p25-p75 of round ratios | allocated/op | alloc ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (InterleavedCase c in group.Cases)
        {
            (List<double> times, List<double> bytes) = samples[c];
            List<double> ratios = [.. times.Select((t, round) => t / baseTimes[round])];
            string allocRatio = baseBytes > 0 ? (Median(bytes) / baseBytes).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | {Format(Median(times))} | {Median(ratios):0.00} | {Percentile(ratios, 0.25):0.00}-{Percentile(ratios, 0.75):0.00} | {Median(bytes):0} B | {allocRatio} |"));
        }
    }

    private static string Format(double nanoseconds) => nanoseconds switch
    {
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:0.00} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:0.00} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0} ns"),
    };

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}
