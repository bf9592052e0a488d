using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SkinLite;

/// <summary>
/// What one poll of a job found: <see cref="OutcomeKind.Pending"/>, <see cref="OutcomeKind.Succeeded"/>,
/// <see cref="OutcomeKind.Rejected"/> or <see cref="OutcomeKind.Failed"/>. A rejected image is never a result,
/// although the service answers it with HTTP 200 and <c>SUCCESS</c>. <see langword="default"/>(<see cref="AnalysisOutcome"/>)
/// is none of these: its <see cref="Kind"/> is <see cref="OutcomeKind.None"/>, neither pending nor terminal.
/// </summary>
/// <example>
/// <code>
/// string text = outcome switch
/// {
///     { IsSucceeded: true } => $"score {outcome.Result.TotalSkinScore}",
///     { IsRejected: true } => $"rejected: {outcome.RejectionReason}",
///     { IsFailed: true } => $"failed: {outcome.Message}",
///     _ => $"still {outcome.Status}",
/// };
/// </code>
/// </example>
public readonly struct AnalysisOutcome
{
    private readonly SkinAnalysis? _result;

    private AnalysisOutcome(OutcomeKind kind, JobStatus status, SkinAnalysis? result, RejectionReason reason, string? message, int? statusCode, int? consumedCredits = null)
    {
        ConsumedCredits = consumedCredits;
        Kind = kind;
        Status = status;
        _result = result;
        RejectionReason = reason;
        Message = message;
        StatusCode = statusCode;
    }

    /// <summary>What the poll found.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>The job status as the service sent it.</summary>
    public JobStatus Status { get; }

    /// <summary>Why the image was refused; <see cref="SkinLite.RejectionReason.None"/> unless <see cref="IsRejected"/>.</summary>
    public RejectionReason RejectionReason { get; }

    /// <summary>The service's own words: the rejection message (<c>output.error</c>) or the failure (<c>error</c>); otherwise <see langword="null"/>.</summary>
    public string? Message { get; }

    /// <summary>The <c>status_code</c> the document carried (in <c>output</c>, else at the top level), e.g. 422 for a rejection.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The credits the job cost, as the finished document's <c>consumedCredits</c> says (5 for one skin analysis in the
    /// recording; the emulator's are free unless configured); <see langword="null"/> when the document does not say.
    /// </summary>
    public int? ConsumedCredits { get; }

    /// <summary>Whether the job is still running.</summary>
    public bool IsPending => Kind == OutcomeKind.Pending;

    /// <summary>Whether the job finished with an analysis.</summary>
    public bool IsSucceeded => Kind == OutcomeKind.Succeeded;

    /// <summary>Whether the service refused the image.</summary>
    public bool IsRejected => Kind == OutcomeKind.Rejected;

    /// <summary>Whether the job failed.</summary>
    public bool IsFailed => Kind == OutcomeKind.Failed;

    /// <summary>Whether the job has ended, one way or another: succeeded, rejected or failed.</summary>
    public bool IsTerminal => Kind is OutcomeKind.Succeeded or OutcomeKind.Rejected or OutcomeKind.Failed;

    /// <summary>The analysis.</summary>
    /// <exception cref="InvalidOperationException">The outcome is not <see cref="OutcomeKind.Succeeded"/>; the message says what it is.</exception>
    public SkinAnalysis Result => _result ?? throw new InvalidOperationException($"There is no analysis: the outcome is {Describe()}.");

    /// <summary>Gets the analysis without throwing.</summary>
    /// <param name="result">The analysis when the outcome succeeded.</param>
    /// <returns>Whether the outcome succeeded.</returns>
    public bool TryGetResult([NotNullWhen(true)] out SkinAnalysis? result)
    {
        result = _result;
        return result is not null;
    }

    /// <summary>Classifies a result document (the body of <c>GET .../{predictionId}</c>), e.g. one saved earlier.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <exception cref="SkinLiteProtocolException">The document is not JSON, is truncated, or lacks a status.</exception>
    public static AnalysisOutcome Parse(ReadOnlySpan<byte> utf8Json) => PredictionDocumentReader.Read(utf8Json);

    /// <summary>Classifies a result document given as a string.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="SkinLiteProtocolException">The document is not JSON, is truncated, or lacks a status.</exception>
    public static AnalysisOutcome Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Describes the outcome in a few words, e.g. <c>rejected (NoFaceDetected: No face detected)</c>.</summary>
    public override string ToString() => Describe();

    internal static AnalysisOutcome Pending(JobStatus status) => new(OutcomeKind.Pending, status, null, RejectionReason.None, null, null);

    internal static AnalysisOutcome Succeeded(JobStatus status, SkinAnalysis result, int? statusCode) =>
        new(OutcomeKind.Succeeded, status, result, RejectionReason.None, null, statusCode);

    internal static AnalysisOutcome Rejected(JobStatus status, string? message, int? statusCode) =>
        new(OutcomeKind.Rejected, status, null, RejectionMessages.Classify(message), message, statusCode);

    internal static AnalysisOutcome Failed(JobStatus status, string? message, int? statusCode) =>
        new(OutcomeKind.Failed, status, null, RejectionReason.None, message, statusCode);

    /// <summary>The same outcome with its service-given text replaced (redacted); kind, reason and analysis are kept as read.</summary>
    internal AnalysisOutcome WithText(JobStatus status, string? message) => new(Kind, status, _result, RejectionReason, message, StatusCode, ConsumedCredits);

    /// <summary>The same outcome with the credits its document said it cost.</summary>
    internal AnalysisOutcome WithConsumedCredits(int? consumedCredits) => new(Kind, Status, _result, RejectionReason, Message, StatusCode, consumedCredits);

    private string Describe() => Kind switch
    {
        OutcomeKind.Pending => $"pending (status {Status})",
        OutcomeKind.Succeeded => "succeeded",
        OutcomeKind.Rejected => $"rejected ({RejectionReason}: {Message})",
        OutcomeKind.Failed => $"failed (status {Status}: {Message ?? "no error given"})",
        OutcomeKind.None => "none (default value: no poll gave it an outcome)",
        _ => Kind.ToString(),
    };
}
