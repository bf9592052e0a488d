using System.Globalization;

namespace SkinLite.Benchmarks.Harness;

/// <summary>
/// Group "polling sim" (issue 16): 20,000 jobs per case on a simulated clock, through the client's own schedule code,
/// for three policies side by side: adaptive (learning as it goes, from a cold start), today's default backoff, and the
/// vendor SDKs' fixed 4 s. Every policy sees the same processing times. Prints the markdown table of docs/polling.md,
/// the cold start, the shift's worst window and its recovery, and the trade-off frontier of a plan made from the true
/// distribution. Usage: <c>polling-sim [jobs] [seed] [delay weight]</c> (default 20000 16 and the library's weight, 4).
/// </summary>
public static class PollingSim
{
    /// <summary>Jobs left out of the figures as warm-up (the "after 50 jobs").</summary>
    private const int WarmUp = 50;

    /// <summary>The rolling window of the shift's figures.</summary>
    private const int Window = 50;

    public static int Run(ReadOnlySpan<string> args)
    {
        int jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        double weight = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : new PollingOptions().AdaptiveDelayWeight;

        Console.WriteLine(Invariant($"{jobs} jobs per case, seed {seed}, delay weight {weight} polls per second; figures leave out the first {WarmUp} jobs."));
        Console.WriteLine();
        Console.WriteLine("| case | policy | notice delay median | p90 | polls mean | p90 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var results = new List<(PollingSimCase Case, PollingSimPolicy Policy, PollingSimRun Run)>();
        foreach (PollingSimCase simCase in PollingSimCase.All)
        {
            double[] ends = Ends(simCase, jobs, seed);
            foreach (PollingSimPolicy policy in Enum.GetValues<PollingSimPolicy>())
            {
                PollingSimRun run = PollingSimRun.Execute(policy, ends, seed, weight);
                results.Add((simCase, policy, run));
                Console.WriteLine(Invariant($"| {simCase.Name} | {Name(policy)} | {Median(run.Delays, WarmUp):0.00} s | {Percentile(run.Delays, WarmUp, 0.9):0.00} s | {Mean(run.Polls, WarmUp):0.00} | {Percentile(run.Polls, WarmUp, 0.9):0} |"));
            }
        }

        Console.WriteLine();
        ColdStart(results);
        Shift(results);
        Frontier(seed);
        return 0;
    }

    private static double[] Ends(PollingSimCase simCase, int jobs, int seed)
    {
        var random = new Random(seed);
        var ends = new double[jobs];
        for (int i = 0; i < jobs; i++)
        {
            ends[i] = simCase.Draw(random, i);
        }

        return ends;
    }

    // The first job of a fresh client, over many fresh clients: a cold adaptive client polls exactly as the default does.
    private static void ColdStart(List<(PollingSimCase Case, PollingSimPolicy Policy, PollingSimRun Run)> results)
    {
        Console.WriteLine(Invariant($"Cold start: the first {ProcessingTimes.MinSamples} jobs of a fresh client (adaptive has no plan yet)"));
        Console.WriteLine();
        Console.WriteLine("| case | policy | delay mean | polls mean |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var (simCase, policy, run) in results)
        {
            if (policy != PollingSimPolicy.Fixed4s)
            {
                Console.WriteLine(Invariant($"| {simCase.Name} | {Name(policy)} | {run.Delays.AsSpan(0, ProcessingTimes.MinSamples).ToArray().Average():0.00} s | {run.Polls.AsSpan(0, ProcessingTimes.MinSamples).ToArray().Average():0.00} |"));
            }
        }

        Console.WriteLine();
    }

    // The shift: adaptive's polls per job over rolling windows after the jump, against the default's on the same jobs.
    private static void Shift(List<(PollingSimCase Case, PollingSimPolicy Policy, PollingSimRun Run)> results)
    {
        PollingSimRun adaptive = results.First(r => r.Case.IsShift && r.Policy == PollingSimPolicy.Adaptive).Run;
        PollingSimRun plain = results.First(r => r.Case.IsShift && r.Policy == PollingSimPolicy.Default).Run;
        int jobs = adaptive.Polls.Length;
        int at = PollingSimCase.ShiftAt;
        if (jobs < at + (4 * Window))
        {
            Console.WriteLine("Shift: too few jobs to measure (needs the jump at job 5,000 and some after it).");
            return;
        }

        double worstRatio = 0;
        double worstAdaptive = 0;
        double worstPlain = 0;
        int worstAt = 0;
        for (int start = at - Window; start + Window <= jobs; start++)
        {
            double a = Mean(adaptive.Polls, start, Window);
            double p = Mean(plain.Polls, start, Window);
            if (a / p > worstRatio)
            {
                (worstRatio, worstAdaptive, worstPlain, worstAt) = (a / p, a, p, start);
            }
        }

        // Steady state after the jump: the last quarter of the run. Back to it: the first job from which the next 200
        // jobs and the 200 after them each have mean polls within 10% of it and mean delay within 0.25 s of it (a single
        // block of 50 is too noisy to judge: one slow job moves its mean by a tenth of a poll).
        const int Judged = 4 * Window;
        int tail = Math.Max(Window, (jobs - at) / 4);
        double steadyPolls = Mean(adaptive.Polls, jobs - tail, tail);
        double steadyDelay = Mean(adaptive.Delays, jobs - tail, tail);
        int recovered = -1;
        bool Steady(int from) => Mean(adaptive.Polls, from, Judged) <= steadyPolls * 1.1 && Mean(adaptive.Delays, from, Judged) <= steadyDelay + 0.25;
        for (int start = at; start + (2 * Judged) <= jobs; start += 10)
        {
            if (Steady(start) && Steady(start + Judged))
            {
                recovered = start - at;
                break;
            }
        }

        Console.Write("Shift: adaptive per 50-job block after the jump (polls mean / delay mean):");
        for (int start = at; start + Window <= Math.Min(jobs, at + (8 * Window)); start += Window)
        {
            Console.Write(Invariant($" {Mean(adaptive.Polls, start, Window):0.00} / {Mean(adaptive.Delays, start, Window):0.00} s;"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Shift: worst {Window}-job window after the jump: adaptive {worstAdaptive:0.00} polls per job, default {worstPlain:0.00} on the same jobs ({(worstRatio - 1) * 100:+0;-0}%), jobs {worstAt - at} to {worstAt - at + Window} after it."));
        Console.WriteLine(Invariant($"Shift: back to the steady figures {recovered} jobs after the jump (steady after it: {steadyPolls:0.00} polls, {steadyDelay:0.00} s mean delay; default on the same jobs {Mean(plain.Polls, jobs - tail, tail):0.00} polls, {Mean(plain.Delays, jobs - tail, tail):0.00} s)."));
        Console.WriteLine();
    }

    // What the best plan for the TRUE lognormal 12 s, σ 0.25 achieves at several delay weights: the trade-off any
    // poll-only schedule faces, so the targets can be judged against it.
    private static void Frontier(int seed)
    {
        Console.WriteLine("Trade-off frontier, lognormal 12 s σ 0.25: a plan made from the true distribution (10,000 exact draws), per delay weight");
        Console.WriteLine();
        Console.WriteLine("| delay weight (polls per s) | delay median | p90 | polls mean |");
        Console.WriteLine("|---:|---:|---:|---:|");
        PollingSimCase simCase = PollingSimCase.All[0];
        double[] truth = Ends(simCase, 10_000, seed + 1);
        double[] jobs = Ends(simCase, 20_000, seed + 2);
        foreach (double weight in (double[])[0.5, 1, 1.5, 2, 3, 4, 5, 7, 10])
        {
            var options = new PollingOptions { AdaptiveDelayWeight = weight };
            PollPlan plan = new PollPlanner(options).Build(truth, truth);
            var random = new Random(seed);
            var delays = new double[jobs.Length];
            var polls = new int[jobs.Length];
            for (int i = 0; i < jobs.Length; i++)
            {
                (delays[i], polls[i], _, _) = PollingSimJob.Run(options, plan, random, jobs[i]);
            }

            Console.WriteLine(Invariant($"| {weight} | {Median(delays, 0):0.00} s | {Percentile(delays, 0, 0.9):0.00} s | {Mean(polls, 0):0.00} |"));
        }

        Console.WriteLine();
    }

    internal static string Name(PollingSimPolicy policy) => policy switch
    {
        PollingSimPolicy.Adaptive => "adaptive",
        PollingSimPolicy.Default => "today's default",
        _ => "fixed 4 s (vendor)",
    };

    private static double Mean(int[] values, int from) => Mean(values, from, values.Length - from);

    private static double Mean(int[] values, int from, int count)
    {
        long sum = 0;
        for (int i = from; i < from + count; i++)
        {
            sum += values[i];
        }

        return (double)sum / count;
    }

    private static double Mean(double[] values, int from, int count)
    {
        double sum = 0;
        for (int i = from; i < from + count; i++)
        {
            sum += values[i];
        }

        return sum / count;
    }

    private static double Median(double[] values, int from) => Percentile(values, from, 0.5);

    private static double Percentile(double[] values, int from, double p)
    {
        double[] sorted = values[from..];
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double Percentile(int[] values, int from, double p) => Percentile([.. values[from..].Select(v => (double)v)], 0, p);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
