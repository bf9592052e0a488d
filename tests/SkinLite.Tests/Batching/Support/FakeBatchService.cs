using SkinLite.Tests.Support;

namespace SkinLite.Tests.Batching.Support;

/// <summary>
/// A batch's service without HTTP: each submit and each wait runs a test's delegate (by default a new job, and the
/// success document of the fixtures), and the fake counts them, and how many ran at once.
/// </summary>
internal sealed class FakeBatchService : IBatchService
{
    private readonly Lock _lock = new();
    private int _submitsInFlight;
    private int _waitsInFlight;
    private int _jobs;

    public FakeBatchService(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Pace = new SubmitPace(Time, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    public static byte[] SuccessDocument { get; } = OwnFixtures.Read("sa-predictions-success.json");

    public TimeProvider Time { get; }

    public SubmitPace Pace { get; }

    /// <summary>What the batch seeds from its journal and keeps in it; null (the default) for none.</summary>
    public ProcessingTimes? ProcessingTimes { get; set; }

    /// <summary>Runs for each submit, after it is counted; returns the job (or throws). Null: a new job at once.</summary>
    public Func<ReadOnlyMemory<byte>, string?, CancellationToken, Task<SkinAnalysisJob>>? OnSubmit { get; set; }

    /// <summary>Runs for each wait; returns the terminal document. Null: <see cref="SuccessDocument"/> at once.</summary>
    public Func<SkinAnalysisJob, CancellationToken, Task<byte[]>>? OnWait { get; set; }

    public int SubmitCalls { get; private set; }

    public int WaitCalls { get; private set; }

    public int MaxSubmitsAtOnce { get; private set; }

    public int MaxWaitsAtOnce { get; private set; }

    /// <summary>The file names the submits declared, in order.</summary>
    public List<string?> SubmittedNames { get; } = [];

    /// <summary>The bytes each submit sent, in order.</summary>
    public List<byte[]> SubmittedContents { get; } = [];

    public List<SkinAnalysisJob> WaitedJobs { get; } = [];

    public SkinAnalysisJob NewJob()
    {
        int n = Interlocked.Increment(ref _jobs);
        return new SkinAnalysisJob { Api = SkinLiteApi.Private, AppId = "app", PredictionId = $"prediction-{n}", Status = JobStatus.Accepted };
    }

    public async Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SubmitCalls++;
            SubmittedNames.Add(fileName);
            SubmittedContents.Add(image.ToArray());
            MaxSubmitsAtOnce = Math.Max(MaxSubmitsAtOnce, ++_submitsInFlight);
        }

        try
        {
            return OnSubmit is { } submit ? await submit(image, fileName, cancellationToken).ConfigureAwait(false) : NewJob();
        }
        finally
        {
            lock (_lock)
            {
                _submitsInFlight--;
            }
        }
    }

    public async Task<AnalysisOutcome> WaitAsync(SkinAnalysisJob job, PollingOptions? polling, TerminalDocument? document, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            WaitCalls++;
            WaitedJobs.Add(job);
            MaxWaitsAtOnce = Math.Max(MaxWaitsAtOnce, ++_waitsInFlight);
        }

        try
        {
            byte[] body = OnWait is { } wait ? await wait(job, cancellationToken).ConfigureAwait(false) : SuccessDocument;
            AnalysisOutcome outcome = AnalysisOutcome.Parse(body);
            document?.Keep(outcome, body);
            return outcome;
        }
        finally
        {
            lock (_lock)
            {
                _waitsInFlight--;
            }
        }
    }
}
