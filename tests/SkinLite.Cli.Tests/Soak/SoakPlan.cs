using SkinLite.Emulator;

namespace SkinLite.Cli.Tests.Soak;

/// <summary>
/// One soak of <c>skinlite batch</c>: how many images, how many SIGKILLs, and the hostile emulator they meet. The fault
/// mix faults about a third of all requests (submits and polls alike): 429s (with <c>Retry-After</c>, and the
/// rate limit's), 500/502/503, dropped connections, truncated and malformed bodies, and slow answers.
/// </summary>
internal sealed record SoakPlan(int Images, int Kills, int Seed)
{
    /// <summary>The faults, with their rates: 34 % of requests in all.</summary>
    public const string Faults = "429=0.04,429-bare=0.03,500=0.04,502=0.03,503=0.06,drop=0.05,truncate=0.04,malformed=0.03,slow=0.02";

    public const double FaultShare = 0.34;

    /// <summary>The submit rate limit (per second).</summary>
    public const double Rate = 25;

    /// <summary>The CI soak: about 200 images, one kill.</summary>
    public static SoakPlan Ci => new(200, 1, 14);

    /// <summary>The plan from SKINLITE_SOAK ("images,kills[,seed]"), else the CI one.</summary>
    public static SoakPlan FromEnvironment()
    {
        string? spec = Environment.GetEnvironmentVariable("SKINLITE_SOAK");
        if (string.IsNullOrWhiteSpace(spec))
        {
            return Ci;
        }

        int[] parts = [.. spec.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
        return new SoakPlan(parts[0], parts[1], parts.Length > 2 ? parts[2] : 14);
    }

    public EmulatorOptions EmulatorOptions() => new()
    {
        ProcessingTime = TimeSpan.FromSeconds(1.5),
        SubmitRate = Rate,
        Faults = FaultPlan.Parse(Faults),
        Seed = Seed,
        SlowAnswerDelay = TimeSpan.FromSeconds(4),
        MaxJobs = Images * 3,
        JobRetention = TimeSpan.FromHours(1),
    };
}
