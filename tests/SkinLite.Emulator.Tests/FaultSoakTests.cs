using System.Diagnostics;
using System.Globalization;
using SkinLite.Emulator.Tests.Support;
using Xunit.Abstractions;

namespace SkinLite.Emulator.Tests;

/// <summary>
/// Issue 11, "keep it fixed": many whole jobs (submit, then wait or watch) through the in-process emulator with over a
/// third of all requests faulted (429, 500, 502, 503, drop, truncate, malformed, slow, failure), sixteen at a time on the
/// real clock with tiny polling intervals. Whatever the faults, SkinLite must never create two jobs for one submit,
/// never lose a job it gave a handle for, and never raise anything but its own exceptions. The figures are written to
/// the test output.
/// </summary>
/// <remarks>
/// <c>SKINLITE_SOAK_JOBS</c> sets the number of jobs (default 1,000, which takes a few seconds in Release on a 2-core
/// machine), e.g. <c>SKINLITE_SOAK_JOBS=20000 dotnet test tests/SkinLite.Emulator.Tests -c Release --filter FaultSoak</c>.
/// The faults are drawn from a fixed seed, but which request meets which fault depends on the order concurrent
/// requests reach the emulator, so two runs differ in detail, never in what is asserted.
/// </remarks>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const string JobsVariable = "SKINLITE_SOAK_JOBS";
    private const int DefaultJobs = 1_000;
    private const int Concurrency = 16;

    /// <summary>35% of requests, every kind the emulator has but <c>ok</c>.</summary>
    private const string Faults = "429=0.05,500=0.04,502=0.04,503=0.05,drop=0.04,truncate=0.04,malformed=0.04,slow=0.03,failure=0.02";

    /// <summary>Jobs that take a few milliseconds, so waits see ACCEPTED and PROCESSING and a <c>failure</c> fault can end a running job.</summary>
    private static readonly TimeSpan ProcessingTime = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Intervals of milliseconds instead of seconds. A slow answer (50 ms) outlasts the poll timeout (25 ms) and the
    /// submit timeout (40 ms). The emulator's Retry-After is 0 and there is no floor.
    /// </summary>
    private static readonly PollingOptions Polling = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(2),
        Interval = TimeSpan.FromMilliseconds(2),
        MaxInterval = TimeSpan.FromMilliseconds(10),
        MinDelay = TimeSpan.FromMilliseconds(1),
        RetryAfterFloor = TimeSpan.Zero,
        RetryAfterCeiling = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromMilliseconds(25),
        Deadline = TimeSpan.FromSeconds(30),
    };

    /// <summary>Past the deadline: a wait still running then is stuck, and its job is lost.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(45);

    /// <summary>A few different faces, made once: the upload bytes do not matter, only that each is a valid image.</summary>
    private static readonly byte[][] Faces = [.. Enumerable.Range(0, 4).Select(i => Emulated.Face(shade: (byte)(0x40 + (i * 0x20))))];

    private static readonly SkinLiteApi[] Families = [SkinLiteApi.Private, SkinLiteApi.Platform, SkinLiteApi.Transformation];

    [Fact]
    public async Task Jobs_through_a_third_of_requests_faulted_are_never_duplicated_never_lost_and_raise_only_SkinLite_exceptions()
    {
        int jobs = JobCount();
        var options = new EmulatorOptions
        {
            ProcessingTime = ProcessingTime,
            Faults = FaultPlan.Parse(Faults),
            Seed = 11,
            SlowAnswerDelay = TimeSpan.FromMilliseconds(50),
            RetryAfter = TimeSpan.Zero,
            MaxJobs = Math.Max(10_000, jobs * 2), // no job may be evicted: the emulator's count is the books' check
        };
        using var emulator = new SkinAnalysisEmulator(options);
        var ledger = new SubmitLedger(emulator.CreateHandler());
        SkinLiteClient[] clients = [.. Families.Select(api => Client(ledger, api))];
        var figures = new SoakFigures();

        var clock = Stopwatch.StartNew();
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (int job = Interlocked.Increment(ref next); job < jobs; job = Interlocked.Increment(ref next))
            {
                await RunJob(job, clients[job % clients.Length], ledger, figures);
            }
        })));
        clock.Stop();

        var faults = new FaultTally(options, ledger.Requests);
        int duplicates = ledger.Calls.Sum(call => Math.Max(0, call.JobsCreated - 1));
        int mostRequestsOfOneSubmit = ledger.Calls.Max(call => call.Requests);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jobs {jobs} ({Concurrency} at a time over the three families, one in four watched), elapsed {clock.Elapsed.TotalSeconds:0.00} s ({jobs / clock.Elapsed.TotalSeconds:0} jobs/s)"));
        output.WriteLine(faults.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jobs created (emulator) {emulator.JobCount}, booked {ledger.JobsCreated} = handles {figures.Handles} + may exist {figures.MayExist} + duplicates {duplicates}; most submit requests sent by one SubmitAsync {mostRequestsOfOneSubmit}"));
        foreach (string line in figures.Report().Concat(figures.Strange))
        {
            output.WriteLine(line);
        }

        Assert.True(faults.FaultedShare >= 0.30, $"Only {faults.FaultedShare:P1} of requests were faulted.");
        Assert.True(ledger.Strays == 0, $"{ledger.Strays} submit requests were not booked to a SubmitAsync call: the figures cannot be trusted.");
        Assert.True(emulator.JobCount == ledger.JobsCreated, $"The emulator holds {emulator.JobCount} jobs but the books say {ledger.JobsCreated} were created.");
        Assert.True(jobs == figures.Handles + figures.SubmitFailures + figures.NotSkinLite + figures.OurMistakes, "Some submits are missing from the figures.");
        Assert.True(duplicates == 0, $"{duplicates} jobs were created by a SubmitAsync call that had already created one.");
        Assert.True(figures.HandlesWithoutOneJob == 0 && figures.RepeatedIds == 0, $"{figures.HandlesWithoutOneJob} handles do not stand for exactly one job; {figures.RepeatedIds} repeat another's id.");
        Assert.True(figures.FalseReassurances == 0, $"{figures.FalseReassurances} failed submits said no job was created (JobMayExist false) when one was.");
        Assert.True(figures.Lost == 0, $"{figures.Lost} jobs with a handle never reached an outcome or a SkinLite exception.");
        Assert.True(figures.NotSkinLite == 0 && figures.OurMistakes == 0, $"{figures.NotSkinLite} exceptions were not SkinLite exceptions, {figures.OurMistakes} were ArgumentExceptions.");

        // Every fault drawn is transient and the deadline is far: a wait that ended in an exception gave up too early.
        Assert.True(figures.WaitErrors == 0, $"{figures.WaitErrors} waits ended in an exception.");

        // Every image is a valid face: a rejection would be invented.
        Assert.True(figures.Outcomes(OutcomeKind.Rejected) == 0, $"{figures.Outcomes(OutcomeKind.Rejected)} jobs were rejected.");
    }

    /// <summary>
    /// A client as a user would configure it, with the soak's fast polling (whose Retry-After clamps also pace submit
    /// retries) and the default submit retries, since a retried submit is where a duplicate would come from. Unlike
    /// <see cref="Emulated.Client(HttpMessageHandler, Uri, SkinLiteApi, string, bool, TimeSpan?)"/>, which turns them off.
    /// A submit gets 40 ms, less than a slow answer takes.
    /// </summary>
    private static SkinLiteClient Client(SubmitLedger ledger, SkinLiteApi api) =>
        new(new HttpClient(ledger, disposeHandler: false), new SkinLiteClientOptions
        {
            Api = api,
            BaseAddress = SkinAnalysisEmulator.BaseAddressFor(api),
            AppId = SkinAnalysisEmulator.DefaultAppId,
            Credential = SkinAnalysisEmulator.DefaultCredential,
            SkipPreflight = true, // every image is a valid face; the emulator judges them as the service would
            Polling = Polling,
            SubmitTimeout = TimeSpan.FromMilliseconds(40),
        });

    private static async Task RunJob(int index, SkinLiteClient client, SubmitLedger ledger, SoakFigures figures)
    {
        SubmitCall call = ledger.Begin();
        SkinAnalysisJob job;
        try
        {
            job = await client.SubmitAsync(Faces[index % Faces.Length], "face.png");
        }
        catch (Exception error)
        {
            figures.SubmitFailed(error, call);
            return;
        }

        figures.Submitted(job, call);
        using var watchdog = new CancellationTokenSource(Watchdog);
        Task<AnalysisOutcome> wait = index % 4 == 3 ? WatchToTheEnd(client, job, watchdog.Token) : client.WaitAsync(job, Polling, watchdog.Token);
        try
        {
            // The second limit catches a wait that would not even end when cancelled.
            figures.Ended(await wait.WaitAsync(Watchdog + TimeSpan.FromSeconds(10)), job);
        }
        catch (Exception error) when (watchdog.IsCancellationRequested || error is TimeoutException)
        {
            figures.LostJob(job, $"the wait was still running after {Watchdog.TotalSeconds:0} s ({error.GetType().Name})");
        }
        catch (Exception error)
        {
            figures.WaitFailed(error);
        }
    }

    /// <summary>The last update of a watch: its terminal outcome, or <see cref="OutcomeKind.None"/> if the stream ended without one.</summary>
    private static async Task<AnalysisOutcome> WatchToTheEnd(SkinLiteClient client, SkinAnalysisJob job, CancellationToken cancellationToken)
    {
        AnalysisOutcome last = default;
        await foreach (AnalysisOutcome update in client.WatchAsync(job, Polling, cancellationToken))
        {
            last = update;
        }

        return last;
    }

    private static int JobCount() =>
        int.TryParse(Environment.GetEnvironmentVariable(JobsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int jobs) && jobs > 0 ? jobs : DefaultJobs;
}
