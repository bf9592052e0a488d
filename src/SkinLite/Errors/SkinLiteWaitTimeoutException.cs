namespace SkinLite;

/// <summary>
/// The wait reached its deadline before the job ended. The job itself may still finish: resume with the
/// <see cref="Job"/> handle (e.g. <see cref="SkinLiteClient.WaitAsync(SkinAnalysisJob, PollingOptions?, CancellationToken)"/>).
/// </summary>
public sealed class SkinLiteWaitTimeoutException : SkinLiteException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="job">The job that did not end in time.</param>
    /// <param name="lastStatus">The last status a poll saw, if any poll got an answer.</param>
    /// <param name="elapsed">How long the wait lasted.</param>
    /// <param name="polls">How many polls it made.</param>
    /// <param name="innerException">The last transient error, if the last poll failed.</param>
    public SkinLiteWaitTimeoutException(SkinAnalysisJob job, JobStatus? lastStatus, TimeSpan elapsed, int polls, Exception? innerException)
        : base(Describe(job, lastStatus, elapsed, polls), innerException)
    {
        Job = job;
        LastStatus = lastStatus;
        Elapsed = elapsed;
        Polls = polls;
    }

    /// <summary>The job, to resume waiting on later.</summary>
    public SkinAnalysisJob Job { get; }

    /// <summary>The last status seen, or <see langword="null"/> when no poll got an answer.</summary>
    public JobStatus? LastStatus { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How many polls were made.</summary>
    public int Polls { get; }

    private static string Describe(SkinAnalysisJob job, JobStatus? lastStatus, TimeSpan elapsed, int polls) =>
        $"The job {job?.PredictionId} did not end within {elapsed.TotalSeconds:0.#} s ({polls} polls, last status {(lastStatus is { } s ? EchoedText.Clip(s.Value) : "none")}); it may still finish: wait on it again to resume.";
}
