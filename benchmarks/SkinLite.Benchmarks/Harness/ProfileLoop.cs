using System.Diagnostics;
using System.Globalization;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Runs one method of one group in a tight loop for a while, for a profiler to watch, e.g.
/// <c>dotnet-trace collect --format speedscope -- dotnet SkinLite.Benchmarks.dll loop parse-success "SkinLite Parse" 10</c>.
/// </summary>
public static class ProfileLoop
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: loop <group> <method> [seconds]");
            return 2;
        }

        string groupName = args[0];
        string method = args[1];
        double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        InterleavedCase? found = InterleavedGroups.All()
            .Where(g => g.Name.Contains(groupName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(g => g.Cases)
            .FirstOrDefault(c => c.Name.Equals(method, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            Console.Error.WriteLine($"No method '{method}' in a group matching '{groupName}'.");
            return 2;
        }

        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        long operations = 0;
        long end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            for (int i = 0; i < 100; i++)
            {
                found.Run();
            }

            operations += 100;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{found.Name}: {operations} operations, {seconds * 1e9 / operations:0} ns/op; GCs gen0/1/2: {GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:0} ms"));
        return 0;
    }
}
