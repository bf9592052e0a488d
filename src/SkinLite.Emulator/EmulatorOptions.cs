using System.Globalization;

namespace SkinLite.Emulator;

/// <summary>How a <see cref="SkinAnalysisEmulator"/> behaves: its credential, how long jobs run, what faults it injects, and its memory bounds.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The highest <see cref="SubmitRate"/> taken: a million submits per second.</summary>
    public const double MaxSubmitRate = 1_000_000;

    /// <summary>The lowest positive <see cref="SubmitRate"/> taken: one submit per day.</summary>
    public const double MinSubmitRate = 1.0 / 86_400;

    /// <summary>
    /// The access key the emulator accepts (default <see cref="SkinAnalysisEmulator.DefaultCredential"/>), sent either as
    /// <c>Bearer base64(key)</c> (SkinLite's default) or as <c>Bearer key</c>. Anything else gets 401.
    /// </summary>
    public string Credential { get; set; } = SkinAnalysisEmulator.DefaultCredential;

    /// <summary>How long a job stays unfinished: <c>ACCEPTED</c> for the first half, then <c>PROCESSING</c> (default 3 s). Zero finishes jobs at once.</summary>
    public TimeSpan ProcessingTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>An extra delay before every answer (default none), taken from the emulator's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The faults to inject (default <see cref="FaultPlan.None"/>). See <see cref="FaultPlan.Parse(string)"/>.</summary>
    public FaultPlan Faults { get; set; } = FaultPlan.None;

    /// <summary>The seed of every random choice the emulator makes (fault draws, ids), so that a run can be repeated exactly.</summary>
    public int Seed { get; set; }

    /// <summary>How long a finished job can still be fetched (default 15 min); after that it answers 404.</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most jobs held at once (default 10 000); a new job beyond it evicts the oldest.</summary>
    public int MaxJobs { get; set; } = 10_000;

    /// <summary>How long a <c>slow</c> fault holds its answer back (default 30 s, past most client timeouts).</summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> a <c>429</c> fault sends, in whole seconds (default 1 s).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most submits (<c>POST .../generate</c>) the credential may make per second (default <see langword="null"/>:
    /// unlimited; 0 also means unlimited), e.g. <c>5</c> or <c>300.0 / 60</c>. A token bucket whose burst is the rate
    /// rounded up (at least 1) and which refills continuously on the emulator's <see cref="TimeProvider"/>. A submit
    /// beyond it gets 429 with a <c>Retry-After</c> (whole seconds, at least 1) saying when the next one would be taken;
    /// it creates no job and is not counted as a submit (<see cref="EmulatorStats.RateLimited"/>). A positive rate must
    /// be between one per day and <see cref="MaxSubmitRate"/>.
    /// </summary>
    public double? SubmitRate { get; set; }

    /// <summary>
    /// The number of accepted submits (jobs created) the credential is allowed over the emulator's lifetime (default
    /// <see langword="null"/>: no quota). Once they are used up, submits get the service's documented 403 <c>Usage Limit
    /// Exceeded</c> (<c>JR-1000</c>); results of existing jobs can still be fetched. 0 refuses every submit.
    /// </summary>
    public int? Quota { get; set; }

    /// <summary>
    /// The <c>consumedCredits</c> every finished job's document carries (default 0: emulated analyses are free; the real
    /// service charged 5 for one skin analysis in the recording), so that a credit budget can be exercised offline.
    /// </summary>
    public int CreditsPerAnalysis { get; set; }

    /// <summary>The largest request body taken (default 32 MiB), so that the 5 MB rule can be exercised; larger uploads get 413.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it, its value and the limit.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Credential))
        {
            throw new ArgumentException("EmulatorOptions.Credential is empty; the emulator needs a key to check the bearer token against.", nameof(Credential));
        }

        if (Credential.Any(char.IsControl))
        {
            throw new ArgumentException("EmulatorOptions.Credential contains a control character; it could never arrive in a header.", nameof(Credential));
        }

        RequireNonNegative(ProcessingTime, nameof(ProcessingTime));
        RequireNonNegative(Latency, nameof(Latency));
        RequireNonNegative(SlowAnswerDelay, nameof(SlowAnswerDelay));
        if (JobRetention <= TimeSpan.Zero)
        {
            throw new ArgumentException($"EmulatorOptions.JobRetention must be positive, not {JobRetention}.", nameof(JobRetention));
        }

        if (MaxJobs is < 1 or > 10_000_000)
        {
            throw new ArgumentException($"EmulatorOptions.MaxJobs must be between 1 and 10000000, not {MaxJobs}.", nameof(MaxJobs));
        }

        if (RetryAfter < TimeSpan.Zero || RetryAfter > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"EmulatorOptions.RetryAfter must be between 0 and 1 day, not {RetryAfter}.", nameof(RetryAfter));
        }

        if (MaxRequestBytes < ImagePreflight.MaxFileBytes || MaxRequestBytes > int.MaxValue)
        {
            throw new ArgumentException($"EmulatorOptions.MaxRequestBytes must be between {ImagePreflight.MaxFileBytes} and {int.MaxValue}, not {MaxRequestBytes}.", nameof(MaxRequestBytes));
        }

        if (SubmitRate is { } rate && (!double.IsFinite(rate) || rate < 0 || (rate > 0 && rate < MinSubmitRate) || rate > MaxSubmitRate))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"EmulatorOptions.SubmitRate must be 0 (unlimited) or between one per day ({MinSubmitRate}) and {MaxSubmitRate} submits per second, not {rate}."), nameof(SubmitRate));
        }

        if (Quota is < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"EmulatorOptions.Quota must be 0 or more accepted submits, not {Quota}."), nameof(Quota));
        }

        if (CreditsPerAnalysis < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"EmulatorOptions.CreditsPerAnalysis must be 0 or more, not {CreditsPerAnalysis}."), nameof(CreditsPerAnalysis));
        }

        ArgumentNullException.ThrowIfNull(Faults, "EmulatorOptions.Faults");
    }

    /// <summary>Describes the options; the credential is not shown.</summary>
    public override string ToString() =>
        $"EmulatorOptions {{ ProcessingTime = {ProcessingTime}, Latency = {Latency}, Faults = {Faults}, Seed = {Seed}, JobRetention = {JobRetention}, MaxJobs = {MaxJobs}, SubmitRate = {SubmitRate?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}, Quota = {Quota?.ToString(CultureInfo.InvariantCulture) ?? "none"}, CreditsPerAnalysis = {CreditsPerAnalysis} }}";

    internal EmulatorOptions Clone() => (EmulatorOptions)MemberwiseClone();

    private static void RequireNonNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"EmulatorOptions.{name} must be between 0 and 1 day, not {value}.", name);
        }
    }
}
