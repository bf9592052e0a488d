namespace SkinLite.Emulator;

/// <summary>One submitted job: its ids, its schedule and how it will end. The image itself is not kept, only its verdict.</summary>
internal sealed class EmulatedJob
{
    public required string PredictionId { get; init; }

    public required string ScanId { get; init; }

    public required string SubjectId { get; init; }

    public required string? AppId { get; init; }

    public required SkinLiteApi Api { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the job stops being ACCEPTED and starts PROCESSING.</summary>
    public required DateTimeOffset ProcessingAt { get; init; }

    /// <summary>When the job reaches its terminal status.</summary>
    public required DateTimeOffset FinishesAt { get; init; }

    /// <summary>When the finished job is forgotten (404 from then on).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>How the job ends; a <c>failure</c> fault injected while polling replaces it.</summary>
    public ImageVerdict Verdict { get; set; }

    /// <summary>The job was ended early by a <c>failure</c> fault.</summary>
    public bool EndedByFault { get; set; }

    public string Status(DateTimeOffset now)
    {
        if (EndedByFault || now >= FinishesAt)
        {
            return Verdict.Outcome == OutcomeKind.Failed ? "FAILURE" : "SUCCESS";
        }

        return now >= ProcessingAt ? "PROCESSING" : "ACCEPTED";
    }
}
