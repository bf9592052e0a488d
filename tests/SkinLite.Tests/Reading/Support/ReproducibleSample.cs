using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace SkinLite.Tests.Reading;

/// <summary>
/// Runs a property over a fixed, repeatable set of samples, then lets CsCheck shrink and report a failure.
/// CsCheck's <c>Sample</c> takes a seed for its first iteration only and draws the others from per-thread generators
/// seeded by the clock, so a seed alone does not repeat a run. Here iteration <c>i</c> has its own CsCheck seed, derived
/// from a fixed master seed, so CI sees the same samples every run; the first failing one is handed to
/// <c>Check.Sample</c> with its seed, which fails on it again, shrinks it, and throws CsCheck's own report
/// (<c>Set seed: "..." or -e CsCheck_Seed=... to reproduce</c>) with the smallest sample it found.
/// </summary>
/// <remarks>
/// Knobs, all from the environment: <c>CsCheck_Iter</c> replaces every property's iteration count (e.g. 1000000 for a
/// long local run); <c>SKINLITE_PROPERTY_SEED</c> (hexadecimal as the reports print it, e.g. <c>0x5EED0001</c>)
/// replaces the master seed to explore other samples; CsCheck's own <c>CsCheck_Seed</c> replays a reported sample
/// first (filter the run to the failing test, or every property of the class replays it against its own generator).
/// </remarks>
internal static class ReproducibleSample
{
    /// <summary>How many samples CsCheck may try when shrinking a failure.</summary>
    private const int ShrinkIterations = 20_000;

    /// <summary>One CsCheck stream for every sample: the seed string then names the sample alone.</summary>
    private const uint Stream = 11;

    public static SampleReport Run<T>(Gen<T> gen, Action<T> assert, ulong masterSeed, long iterations, Action<string> log, Func<T, string> print)
    {
        if (Check.Seed is { } replay)
        {
            log($"replaying CsCheck_Seed={replay} first");
            gen.Sample(assert, log, replay, iter: 1, threads: 1, print: print);
        }

        string? seedText = Environment.GetEnvironmentVariable("SKINLITE_PROPERTY_SEED")?.Trim();
        ulong master = ulong.TryParse(seedText?.StartsWith("0x", StringComparison.OrdinalIgnoreCase) == true ? seedText[2..] : seedText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong chosen) ? chosen : masterSeed;
        long count = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CsCheck_Iter")) ? iterations : Check.Iter;
        var clock = Stopwatch.StartNew();
        ParallelLoopResult run = Parallel.For(0L, count, (i, loop) =>
        {
            T sample = gen.Generate(SeedOf(master, i), null!, out _);
            try
            {
                assert(sample);
            }
            catch (Exception)
            {
                loop.Break(); // every iteration below this one still runs, so the failure reported is the same every run
            }
        });
        clock.Stop();
        var report = new SampleReport(master, count, clock.Elapsed);
        if (run.LowestBreakIteration is not { } failed)
        {
            log(report.ToString());
            return report;
        }

        string seed = SeedOf(master, failed).ToString();
        log($"sample {failed} of master seed 0x{master:X} failed; CsCheck seed {seed}; shrinking");
        gen.Sample(assert, log, seed, iter: ShrinkIterations, print: print);
        throw new InvalidOperationException($"Sample {failed} (CsCheck seed {seed}) failed in the sweep but passed when CsCheck ran it again: the property is not deterministic.");
    }

    private static PCG SeedOf(ulong master, long iteration)
    {
        // SplitMix64's finaliser: neighbouring iterations get unrelated seeds.
        ulong z = master + ((ulong)iteration * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return new PCG(Stream, z ^ (z >> 31));
    }
}

/// <summary>What a sweep did: its master seed, how many samples, how long.</summary>
internal sealed record SampleReport(ulong MasterSeed, long Samples, TimeSpan Elapsed)
{
    public double PerSecond => Samples / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Samples:N0} samples from master seed 0x{MasterSeed:X} in {Elapsed.TotalSeconds:0.00} s ({PerSecond:N0}/s)");
}
