namespace SkinLite.Benchmarks.Harness;

/// <summary>One distribution of processing times for the polling simulator (issue 16's four cases).</summary>
internal sealed record PollingSimCase(string Name, Func<Random, int, double> Draw)
{
    /// <summary>Job number of the shift case's jump (0-based): jobs from here on take three times longer.</summary>
    public const int ShiftAt = 5_000;

    public static PollingSimCase[] All { get; } =
    [
        new("lognormal 12 s, σ 0.25", (r, _) => LogNormal(r, 12, 0.25)),
        new("lognormal 12 s, σ 0.6", (r, _) => LogNormal(r, 12, 0.6)),
        new("two modes: 80% ~8 s, 20% ~40 s", (r, _) => r.NextDouble() < 0.8 ? LogNormal(r, 8, 0.2) : LogNormal(r, 40, 0.2)),
        new("shift: 12 s → 36 s after 5,000 jobs (σ 0.25)", (r, job) => LogNormal(r, job < ShiftAt ? 12 : 36, 0.25)),
    ];

    public bool IsShift => Name.StartsWith("shift", StringComparison.Ordinal);

    public static double LogNormal(Random random, double median, double sigma) => median * Math.Exp(sigma * Normal(random));

    // Box-Muller: one standard normal draw from two uniform ones.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
