using System.ComponentModel.DataAnnotations;

namespace SkinLite;

/// <summary>How a <see cref="SkinLiteClient"/> reaches the service and who it says it is.</summary>
/// <remarks>The credential is never part of <see cref="ToString"/>, of exception messages or of logs.</remarks>
public sealed class SkinLiteClientOptions : IValidatableObject
{
    /// <summary>The default cap on a response body: 4 MiB.</summary>
    public const long DefaultMaxResponseBytes = 4L * 1024 * 1024;

    /// <summary>
    /// The shortest credential accepted: 8 characters. The service's keys are 36-character ids; anything much shorter is a
    /// fragment or a placeholder, and a secret that short cannot be told apart from ordinary text to mask it.
    /// </summary>
    public const int MinimumCredentialLength = 8;

    /// <summary>The route family. Defaults to <see cref="SkinLiteApi.Private"/>.</summary>
    public SkinLiteApi Api { get; set; } = SkinLiteApi.Private;

    /// <summary>
    /// Replaces the family's public base address, e.g. with the emulator's or a proxy's. A bare host
    /// (<c>http://127.0.0.1:5080</c>) gets the family's path (<see cref="SkinLiteApiExtensions.BasePath"/>, e.g.
    /// <c>/service/private/misc/v2.0</c>) appended; an address with a path is the family's base address as it is. The
    /// routes (<c>/sa-predictions/...</c> or <c>/predictions/...</c>) go after it. When <see langword="null"/>, the
    /// <see cref="HttpClient.BaseAddress"/> is used if set, else the family's public address. Plain <c>http</c> is
    /// refused for any host but this machine's loopback unless <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Allows a plain <c>http</c> base address on a host that is not loopback. Off by default: every request carries the
    /// access key, and over plain http anyone on the path can read it. Loopback (<c>localhost</c>, 127.0.0.0/8, ::1)
    /// never leaves the machine and is always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The application id that goes into the path. Required by the private and platform families.</summary>
    public string? AppId { get; set; }

    /// <summary>The access key. Sent as <c>Authorization: Bearer base64(Credential)</c> unless <see cref="SendCredentialAsIs"/> is set.</summary>
    public string? Credential { get; set; }

    /// <summary>Sends <see cref="Credential"/> in the bearer header exactly as given instead of base64-encoding it.</summary>
    public bool SendCredentialAsIs { get; set; }

    /// <summary>The largest response body accepted, in bytes (default <see cref="DefaultMaxResponseBytes"/>). Larger ones are refused without being buffered.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>How waits poll: schedule, deadline, per-request timeout, <c>Retry-After</c> clamps. See <see cref="PollingOptions"/> for the defaults.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>
    /// How many times a submit is sent again when the service's answer proves that no job was created (default 2, at
    /// most 10): the connection could not be made, a 429, or a 503 with <c>Retry-After</c>. A 429 or a 503 with
    /// <c>Retry-After</c> pauses every submit of the client until the moment it asks for (clamped by
    /// <see cref="PollingOptions.RetryAfterFloor"/> and <see cref="PollingOptions.RetryAfterCeiling"/>; without it, 1 s
    /// doubling per consecutive pause, at most 30 s); waiting in that pause spends no retry, nor does a 429 for a request
    /// that was already sent when another submit's refusal began the pause. No other failure is retried: the job may
    /// exist, and a second submit is a second paid analysis.
    /// </summary>
    public int SubmitRetries { get; set; } = 2;

    /// <summary>
    /// The time limit of one submit attempt, from the first byte of the upload to the last byte of the answer (default
    /// 2 minutes). A submit that runs out is not retried: the upload may have reached the service.
    /// </summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Checks that the settings are complete and make sense together; the client does it when it is created.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it and never shows the credential.</exception>
    public void Validate()
    {
        foreach (OptionProblem problem in Problems())
        {
            throw new ArgumentException($"{CodeName(problem.Member)} {problem.Text}", problem.Member[(problem.Member.LastIndexOf(':') + 1)..]);
        }
    }

    /// <summary>The same checks as <see cref="Validate()"/>, for options validation (<c>ValidateOnStart</c>) in a host: every problem, not only the first.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Problems().Select(problem => new ValidationResult($"{CodeName(problem.Member)} {problem.Text}", [problem.Member])).ToList();

    /// <summary>The C# spelling of a member path: <c>SkinLiteClientOptions.AppId</c>, <c>PollingOptions.Deadline</c>.</summary>
    internal static string CodeName(string member) =>
        member.StartsWith(PollingPrefix, StringComparison.Ordinal) ? $"PollingOptions.{member[PollingPrefix.Length..]}" : $"SkinLiteClientOptions.{member}";

    private const string PollingPrefix = nameof(Polling) + ":";

    /// <summary>Every setting that is missing or invalid, in the configuration's spelling (<c>Polling:Deadline</c>); never the credential itself.</summary>
    internal IEnumerable<OptionProblem> Problems()
    {
        var problems = new List<OptionProblem>();
        if (!Enum.IsDefined(Api))
        {
            problems.Add(new(nameof(Api), $"has the undefined value {(int)Api}."));
        }
        else if (Api.UsesScanId() && string.IsNullOrEmpty(AppId))
        {
            problems.Add(new(nameof(AppId), $"is required for the {Api} route family."));
        }

        if (string.IsNullOrEmpty(Credential))
        {
            problems.Add(new(nameof(Credential), "is required: the service refuses requests without an access key."));
        }
        else if (Credential.Any(char.IsControl))
        {
            problems.Add(new(nameof(Credential), "contains a control character (a stray line break?); it cannot go into a header."));
        }
        else if (Credential.Length < MinimumCredentialLength)
        {
            problems.Add(new(nameof(Credential),
                $"is {Credential.Length} character{(Credential.Length == 1 ? "" : "s")} long; an access key has at least {MinimumCredentialLength} (the service's are 36). Was it cut short, or is it a placeholder?"));
        }

        if (BaseAddress is { } baseAddress && Routes.Problem(baseAddress, string.Empty, AllowInsecureHttp) is { } problem)
        {
            problems.Add(new(nameof(BaseAddress), problem.TrimStart()));
        }

        if (MaxResponseBytes <= 0)
        {
            problems.Add(new(nameof(MaxResponseBytes), $"must be positive, not {MaxResponseBytes}."));
        }

        if (SubmitRetries is < 0 or > 10)
        {
            problems.Add(new(nameof(SubmitRetries), $"must be between 0 and 10, not {SubmitRetries}."));
        }

        if (SubmitTimeout <= TimeSpan.Zero || SubmitTimeout > PollingOptions.MaxTimerDelay)
        {
            problems.Add(new(nameof(SubmitTimeout), $"must be positive and at most {PollingOptions.MaxTimerDelay.TotalDays:0.#} days, not {SubmitTimeout}."));
        }

        if (Polling is null)
        {
            problems.Add(new(nameof(Polling), "is required."));
        }
        else
        {
            problems.AddRange(Polling.Problems().Select(p => p with { Member = PollingPrefix + p.Member }));
        }

        return problems;
    }

    /// <summary>
    /// Skips the image preflight (<see cref="ImagePreflight"/>) that submit runs by default. Without it a bad image is
    /// uploaded and refused by the service (a rejection outcome) instead of failing at once with
    /// <see cref="SkinLitePreflightException"/>; useful to test the service's own rejections.
    /// </summary>
    public bool SkipPreflight { get; set; }

    /// <summary>Describes the options with the credential redacted.</summary>
    public override string ToString() =>
        $"SkinLiteClientOptions {{ Api = {Api}, BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, AppId = {AppId ?? "(none)"}, " +
        $"Credential = {(string.IsNullOrEmpty(Credential) ? "(none)" : "***")}, SendCredentialAsIs = {SendCredentialAsIs}, AllowInsecureHttp = {AllowInsecureHttp}, MaxResponseBytes = {MaxResponseBytes}, SkipPreflight = {SkipPreflight} }}";
}
