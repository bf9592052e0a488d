namespace SkinLite;

/// <summary>Keeps the credential out of an outcome's message, which is the service's own text and may echo the request.</summary>
internal static class OutcomeRedaction
{
    public static AnalysisOutcome Redact(this CredentialRedactor redactor, AnalysisOutcome outcome)
    {
        string? message = redactor.Redact(outcome.Message);
        if (ReferenceEquals(message, outcome.Message))
        {
            return outcome;
        }

        return outcome.Kind == OutcomeKind.Rejected
            ? AnalysisOutcome.Rejected(outcome.Status, message!, outcome.StatusCode)
            : AnalysisOutcome.Failed(outcome.Status, message, outcome.StatusCode);
    }
}
