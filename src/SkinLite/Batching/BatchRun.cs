using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SkinLite;

/// <summary>
/// One batch: reads the input as it goes, runs each image (read, hash, decide from the journal, prepare, submit, wait)
/// within the batch's gates, and hands the results back as they end. docs/batch.md describes the rules.
/// </summary>
/// <remarks>
/// <para>
/// Gates, in the order an image passes them: images in memory (submits plus preparations: the input is read only as
/// fast as images leave memory), preparations, jobs waited on (no submit without a wait slot), the budget, the learnt
/// pace (<see cref="SubmitRateGovernor"/>), submits in flight (<see cref="AdaptiveConcurrencyLimit"/>), then the client's
/// own <see cref="SubmitPace"/>.
/// </para>
/// <para>
/// A terminal outcome is journaled when the caller asks for the next result: a caller who saves each result before
/// asking for the next never has an outcome journaled that it did not save. A crash before that leaves the job
/// journaled as submitted, and a resume polls it again (free), never submitting it again.
/// </para>
/// </remarks>
internal sealed partial class BatchRun : IAsyncDisposable
{
    private readonly IBatchService _service;
    private readonly BatchOptions _options;
    private readonly Journal? _journal;
    private readonly JournalState? _journaled;
    private readonly BatchBudget _budget;
    private readonly SubmitRateGovernor _governor;
    private readonly AdaptiveConcurrencyLimit _submits;
    private readonly SemaphoreSlim _inMemory;
    private readonly SemaphoreSlim _preparing;
    private readonly SemaphoreSlim _waits;
    private readonly Channel<Finished> _results;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _hard = new();
    private readonly CancellationTokenSource _beforeSubmit;
    private readonly CancellationTokenSource _grace;
    private readonly CancellationTokenRegistration _onCancel;
    private readonly HashSet<(string Path, ContentHash Hash)> _seen = [];
    private readonly Action<TimeSpan> _onThrottled;
    private Exception? _inputFailure;
    private int _outcomesSinceSnapshot;
    private int _active = 1;
    private int _stop;

    /// <summary>How many journaled outcomes between two snapshots of the learned processing times.</summary>
    internal const int SnapshotEvery = 32;

    private BatchRun(IBatchService service, BatchOptions options, Journal? journal, CancellationToken caller)
    {
        _service = service;
        _options = options;
        _journal = journal;
        _journaled = journal?.State;
        _caller = caller;
        _budget = new BatchBudget(options.MaxAnalyses, options.MaxCredits);
        _governor = new SubmitRateGovernor(service.Time, options.MaxSubmitsPerSecond);
        _submits = new AdaptiveConcurrencyLimit(1, 1, options.MaxConcurrentSubmits);
        _inMemory = new SemaphoreSlim(options.MaxConcurrentSubmits + options.MaxConcurrentPreparations);
        _preparing = new SemaphoreSlim(options.MaxConcurrentPreparations);
        _waits = new SemaphoreSlim(options.MaxConcurrentWaits);
        _results = Channel.CreateBounded<Finished>(new BoundedChannelOptions(64) { SingleReader = true });
        _beforeSubmit = CancellationTokenSource.CreateLinkedTokenSource(caller, _hard.Token);
        _grace = CancellationTokenSource.CreateLinkedTokenSource(_hard.Token);
        _onCancel = caller.Register(static state => ((BatchRun)state!).OnCallerCancelled(), this);
        _onThrottled = Throttled;
        service.Pace.Throttled += _onThrottled;
        SeedProcessingTimes();
    }

    /// <summary>Why submitting stopped for the rest of the batch; <see cref="BatchStopReason.None"/> while it goes on.</summary>
    private BatchStopReason StopReason => (BatchStopReason)Volatile.Read(ref _stop);

    /// <summary>Runs the batch over <paramref name="paths"/>, yielding each image's result as it ends.</summary>
    /// <exception cref="IOException">The journal is being written by another batch, or cannot be opened.</exception>
    public static async IAsyncEnumerable<BatchItemResult> RunAsync(IBatchService service, IAsyncEnumerable<string> paths, BatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Journal? journal = options.JournalPath is null ? null : Journal.Open(options.JournalPath, service.Time);
        await using var run = new BatchRun(service, options, journal, cancellationToken);
        _ = run.ProduceAsync(paths);
        ChannelReader<Finished> reader = run._results.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (reader.TryRead(out Finished finished))
            {
                yield return finished.Result;
                if (finished.Outcome is { } outcome && journal is not null)
                {
                    await journal.RecordOutcomeAsync(finished.Result.Path, finished.Hash, outcome, CancellationToken.None).ConfigureAwait(false);
                    await run.KeepProcessingTimesAsync(atEnd: false).ConfigureAwait(false);
                }
            }
        }

        await run.KeepProcessingTimesAsync(atEnd: true).ConfigureAwait(false);

        // Completion carries the failure that ended the batch, if one did (a journal that cannot be written, the input throwing).
        await reader.Completion.ConfigureAwait(false);
    }

    /// <summary>
    /// A resumed batch polls with what the previous run learned (adaptive polling) from its first job: the journal's last
    /// snapshot seeds a client that has not learned enough yet of its own.
    /// </summary>
    private void SeedProcessingTimes()
    {
        if (_journaled?.ProcessingTimes is { Length: > 0 } saved && _service.ProcessingTimes is { } learned && learned.Count < ProcessingTimes.MinSamples)
        {
            learned.Seed(saved);
        }
    }

    /// <summary>
    /// Journals the client's learned processing times every <see cref="SnapshotEvery"/> outcomes and when the batch ends,
    /// so that a crash loses at most that many jobs' worth of learning (about 2 KB a snapshot).
    /// </summary>
    private Task KeepProcessingTimesAsync(bool atEnd)
    {
        if (_journal is null || _service.ProcessingTimes is not { Count: > 0 } learned)
        {
            return Task.CompletedTask;
        }

        int since = atEnd ? _outcomesSinceSnapshot : ++_outcomesSinceSnapshot;
        if (since == 0 || (!atEnd && since < SnapshotEvery))
        {
            return Task.CompletedTask;
        }

        _outcomesSinceSnapshot = 0;
        return _journal.RecordProcessingTimesAsync(learned.Export(), CancellationToken.None);
    }

    /// <summary>Stops everything (the caller left the loop early): submits in flight are cut, and may be left uncertain.</summary>
    public async ValueTask DisposeAsync()
    {
        _service.Pace.Throttled -= _onThrottled;
        await _hard.CancelAsync().ConfigureAwait(false);
        // Let the images see the cancellation and leave, so that nothing writes to the journal once it is closed.
        while (await _results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (_results.Reader.TryRead(out _))
            {
            }
        }

        await _onCancel.DisposeAsync().ConfigureAwait(false);
        if (_journal is not null)
        {
            await _journal.DisposeAsync().ConfigureAwait(false);
        }

        _beforeSubmit.Dispose();
        _grace.Dispose();
        _hard.Dispose();
        _inMemory.Dispose();
        _preparing.Dispose();
        _waits.Dispose();
    }

    private void OnCallerCancelled()
    {
        try
        {
            _grace.CancelAfter(_options.CancellationGrace);
        }
        catch (ObjectDisposedException)
        {
            // The batch has ended already.
        }
    }

    private void Throttled(TimeSpan pause)
    {
        _governor.OnThrottled(pause);
        _submits.OnThrottled();
    }

    private void Stop(BatchStopReason why) => Interlocked.CompareExchange(ref _stop, (int)why, (int)BatchStopReason.None);

    private async Task ProduceAsync(IAsyncEnumerable<string> paths)
    {
        try
        {
            await foreach (string path in paths.WithCancellation(_beforeSubmit.Token).ConfigureAwait(false))
            {
                await _inMemory.WaitAsync(_beforeSubmit.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _active);
                _ = RunImageAsync(path);
            }
        }
        catch (OperationCanceledException) when (_beforeSubmit.IsCancellationRequested)
        {
            // Cancelled: read no more of the input; what was started ends on its own.
        }
        catch (Exception ex)
        {
            _inputFailure = ex;
        }
        finally
        {
            Left();
        }
    }

    private async Task RunImageAsync(string path)
    {
        try
        {
            await ProcessAsync(path).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_hard.IsCancellationRequested)
        {
            // The caller left the loop: nobody reads results any more.
        }
        catch (Exception ex)
        {
            // A journal that cannot be written, or a bug: the batch cannot keep its promises, so it ends.
            _inputFailure ??= ex;
            _results.Writer.TryComplete(ex);
            await _hard.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            Left();
        }
    }

    private void Left()
    {
        if (Interlocked.Decrement(ref _active) == 0)
        {
            _results.Writer.TryComplete(_inputFailure);
        }
    }

    private ValueTask EmitAsync(BatchItemResult result, ContentHash hash = default, JournalOutcome? outcome = null) =>
        _results.Writer.WriteAsync(new Finished(result, hash, outcome), _hard.Token);

    /// <summary>A result on its way to the caller, with the outcome to journal once the caller has taken it.</summary>
    private readonly record struct Finished(BatchItemResult Result, ContentHash Hash, JournalOutcome? Outcome);
}
