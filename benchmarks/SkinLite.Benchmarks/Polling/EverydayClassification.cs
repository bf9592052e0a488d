using SkinLite.Benchmarks.Baselines;

namespace SkinLite.Benchmarks.Polling;

/// <summary>What a caller of the everyday way must add after deserialising: the same classification SkinLite does.</summary>
public static class EverydayClassification
{
    public static OutcomeKind Classify(PlainPrediction? answer) => answer?.Status switch
    {
        "FAILURE" or "FAILED" => OutcomeKind.Failed,
        "SUCCESS" when !string.IsNullOrEmpty(answer.Output?.Error) => OutcomeKind.Rejected,
        "SUCCESS" => OutcomeKind.Succeeded,
        _ => OutcomeKind.Pending,
    };
}
