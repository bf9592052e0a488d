namespace SkinLite;

/// <summary>What a batch needs of a client: its clock and pace, a submit and a wait. The client is the one implementation; tests give others.</summary>
internal interface IBatchService
{
    TimeProvider Time { get; }

    /// <summary>The client-wide submit gate, whose throttle episodes steer the batch's pace and concurrency.</summary>
    SubmitPace Pace { get; }

    /// <summary>Submits bytes already checked; throws as <see cref="SkinLiteClient.SubmitAsync(ReadOnlyMemory{byte}, string?, CancellationToken)"/> does.</summary>
    Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName, CancellationToken cancellationToken);

    /// <summary>
    /// The client's learned processing times (adaptive polling), which the batch's journal keeps so that a resumed batch
    /// polls well from its first job; <see langword="null"/> when there are none to keep.
    /// </summary>
    ProcessingTimes? ProcessingTimes { get; }

    /// <summary>Waits for a job's end, keeping its document in <paramref name="document"/> when given.</summary>
    Task<AnalysisOutcome> WaitAsync(SkinAnalysisJob job, PollingOptions? polling, TerminalDocument? document, CancellationToken cancellationToken);
}
