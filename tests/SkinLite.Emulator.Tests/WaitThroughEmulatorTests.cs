using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests;

/// <summary>
/// Whole waits against the in-process emulator on one fake clock: the job's processing time, the emulator's faults
/// and the client's backoff all run on it, so nothing sleeps in real time.
/// </summary>
public sealed class WaitThroughEmulatorTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public async Task A_wait_reaches_the_result_through_every_transient_fault_kind()
    {
        using var emulator = Emulator("ok,503,429,500,502,truncate,malformed,drop,ok", processing: TimeSpan.FromSeconds(20));
        SkinLiteClient client = Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face(), "face.png");

        AnalysisOutcome outcome = await _clock.RunAsync(client.WaitAsync(job));

        Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        Assert.True(outcome.Result.IsEmulated);
        Assert.InRange(_clock.Now, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Watch_shows_the_emulated_job_going_from_accepted_through_processing_to_the_result()
    {
        // The emulator says PROCESSING for the second half of a job: 2 minutes, far longer than the 10 s cap of any
        // jittered gap or a 30 s request timeout the fake clock might jump over.
        using var emulator = Emulator("none", processing: TimeSpan.FromMinutes(4));
        SkinLiteClient client = Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face(), "face.png");

        var statuses = new List<string>();
        await _clock.RunAsync(Collect(client.WatchAsync(job), statuses));

        Assert.Equal("SUCCESS", statuses[^1]);
        Assert.Contains("PROCESSING", statuses);
        Assert.Equal(statuses.Count, statuses.Distinct().Count());
    }

    [Fact]
    public async Task The_deadline_raises_a_timeout_that_carries_the_handle_and_a_later_wait_resumes_it()
    {
        using var emulator = Emulator("none", processing: TimeSpan.FromMinutes(30));
        SkinLiteClient client = Client(emulator);
        SkinAnalysisJob job = await client.SubmitAsync(Emulated.Face(), "face.png");
        var shortWait = new PollingOptions { Deadline = TimeSpan.FromMinutes(1) };

        var timeout = await Assert.ThrowsAsync<SkinLiteWaitTimeoutException>(() => _clock.RunAsync(client.WaitAsync(job, shortWait)));
        Assert.Equal(job.PredictionId, timeout.Job.PredictionId);
        Assert.Equal("ACCEPTED", timeout.LastStatus?.Value); // the emulator turns PROCESSING half-way through a job

        _clock.Fake.Advance(TimeSpan.FromMinutes(30));
        SkinAnalysisJob saved = SkinAnalysisJob.FromJson(timeout.Job.ToJson());
        AnalysisOutcome resumed = await _clock.RunAsync(Client(emulator).WaitAsync(saved));

        Assert.Equal(OutcomeKind.Succeeded, resumed.Kind);
    }

    [Fact]
    public async Task An_unknown_job_ends_the_wait_at_once_with_not_found()
    {
        using var emulator = Emulator("none", processing: TimeSpan.Zero);
        SkinLiteClient client = Client(emulator);

        await Assert.ThrowsAsync<SkinLiteNotFoundException>(
            () => _clock.RunAsync(client.WaitAsync(new SkinAnalysisJob { ScanId = "no-such-scan", PredictionId = "no-such-prediction" })));

        Assert.Equal(TimeSpan.Zero, _clock.Now);
    }

    [Theory]
    [InlineData("SKINLITE-EMULATOR:NO-FACE", OutcomeKind.Rejected)]
    [InlineData("SKINLITE-EMULATOR:FAILURE", OutcomeKind.Failed)]
    public async Task Analyze_ends_with_the_rejection_or_failure_the_image_triggers(string marker, OutcomeKind expected)
    {
        using var emulator = Emulator("none", processing: TimeSpan.FromSeconds(5));
        SkinLiteClient client = Client(emulator);

        AnalysisOutcome outcome = await _clock.RunAsync(client.AnalyzeAsync(Emulated.Face(trailer: marker), "face.png"));

        Assert.Equal(expected, outcome.Kind);
    }

    private SkinAnalysisEmulator Emulator(string faults, TimeSpan processing) =>
        new(new EmulatorOptions { ProcessingTime = processing, Faults = FaultPlan.Parse(faults) }, _clock);

    private SkinLiteClient Client(SkinAnalysisEmulator emulator) =>
        new(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
        {
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
        }, _clock, null);

    private static async Task Collect(IAsyncEnumerable<AnalysisOutcome> updates, List<string> statuses)
    {
        await foreach (AnalysisOutcome update in updates)
        {
            statuses.Add(update.Status.Value);
        }
    }
}
