using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Two builds of SkinLite in one process, their cases interleaved round by round: this build's as <c>A:</c>, another
/// build's (its output folder, loaded side by side) as <c>B:</c>. Two processes run minutes apart disagree by more than
/// most changes are worth on a shared machine (the floor alone moved 3.4-4.7 us between runs on 2026-11-30); here drift
/// hits both builds alike. Usage: <c>ab &lt;other build's folder&gt; [rounds] [group filter]</c>, e.g.
/// <c>ab /tmp/bench-base 150 parse-success</c>.
/// </summary>
public static class BuildComparison
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length < 1 || !File.Exists(Path.Combine(args[0], "SkinLite.Benchmarks.dll")))
        {
            Console.Error.WriteLine("usage: ab <folder of another build of SkinLite.Benchmarks.dll> [rounds] [group filter]");
            return 2;
        }

        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        string? filter = args.Length > 2 ? args[2] : null;
        IReadOnlyList<InterleavedGroup> others = LoadGroups(Path.GetFullPath(args[0]), filter);
        Console.WriteLine($"A/B: A = this build ({AppContext.BaseDirectory}), B = {Path.GetFullPath(args[0])}");
        var random = new Random(1);
        foreach (InterleavedGroup mine in InterleavedGroups.All())
        {
            if ((filter is not null && !mine.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                || others.FirstOrDefault(g => g.Name == mine.Name) is not { } other)
            {
                continue;
            }

            InterleavedCase[] cases =
            [
                .. mine.Cases.Select(c => c with { Name = "A: " + c.Name }),
                .. other.Cases.Select(c => c with { Name = "B: " + c.Name, IsBaseline = false }),
            ];
            InterleavedHarness.MeasureAndReport(new InterleavedGroup(mine.Name + ", A against B", cases, mine.OperationsPerRound), rounds, random);
        }

        return 0;
    }

    /// <summary>The other build's groups, made by its own code in a load context of its own (its SkinLite, its benchmarks).</summary>
    private static List<InterleavedGroup> LoadGroups(string folder, string? filter)
    {
        var context = new BuildContext(folder);
        Assembly benchmarks = context.LoadFromAssemblyPath(Path.Combine(folder, "SkinLite.Benchmarks.dll"));
        Type groups = benchmarks.GetType(typeof(InterleavedGroups).FullName!, throwOnError: true)!;
        var all = (System.Collections.IEnumerable)groups.GetMethod(nameof(InterleavedGroups.All))!.Invoke(null, null)!;
        var result = new List<InterleavedGroup>();
        foreach (object group in all)
        {
            // Each group is set up as it is listed (some start servers): stop after the run of groups that match.
            Type type = group.GetType();
            var name = (string)type.GetProperty(nameof(InterleavedGroup.Name))!.GetValue(group)!;
            if (filter is not null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                if (result.Count > 0)
                {
                    break;
                }

                continue;
            }

            var operations = (int)type.GetProperty(nameof(InterleavedGroup.OperationsPerRound))!.GetValue(group)!;
            var cases = new List<InterleavedCase>();
            foreach (object c in (System.Collections.IEnumerable)type.GetProperty(nameof(InterleavedGroup.Cases))!.GetValue(group)!)
            {
                Type caseType = c.GetType();
                cases.Add(new InterleavedCase(
                    (string)caseType.GetProperty(nameof(InterleavedCase.Name))!.GetValue(c)!,
                    (Action)caseType.GetProperty(nameof(InterleavedCase.Run))!.GetValue(c)!,
                    (bool)caseType.GetProperty(nameof(InterleavedCase.IsBaseline))!.GetValue(c)!));
            }

            result.Add(new InterleavedGroup(name, cases, operations));
        }

        return result;
    }

    /// <summary>Loads the SkinLite assemblies from the other build's folder; everything else (the framework, the baselines' packages) is shared.</summary>
    private sealed class BuildContext(string folder) : AssemblyLoadContext("other build")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("SkinLite", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
