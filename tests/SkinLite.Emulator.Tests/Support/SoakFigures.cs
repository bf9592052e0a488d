using System.Collections.Concurrent;
using System.Globalization;

namespace SkinLite.Emulator.Tests.Support;

/// <summary>What happened to every job of a soak, counted from many workers at once.</summary>
internal sealed class SoakFigures
{
    private readonly ConcurrentDictionary<string, int> _submitErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _waitErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OutcomeKind, int> _outcomes = new();
    private readonly ConcurrentDictionary<string, byte> _predictionIds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _strange = new();
    private int _handles;
    private int _mayExist;
    private int _falseReassurances;
    private int _needlessWarnings;
    private int _nothingCreated;
    private int _handlesWithoutOneJob;
    private int _repeatedIds;
    private int _lost;
    private int _notSkinLite;
    private int _ourMistakes;

    public int Handles => Volatile.Read(ref _handles);

    public int SubmitFailures => _submitErrors.Values.Sum();

    /// <summary>Submits that threw after the emulator had created their job: the job exists without a handle.</summary>
    public int MayExist => Volatile.Read(ref _mayExist);

    /// <summary>Of those, the ones whose exception said <see cref="SkinLiteException.JobMayExist"/> false: "nothing was created", wrongly.</summary>
    public int FalseReassurances => Volatile.Read(ref _falseReassurances);

    public int HandlesWithoutOneJob => Volatile.Read(ref _handlesWithoutOneJob);

    public int RepeatedIds => Volatile.Read(ref _repeatedIds);

    public int Lost => Volatile.Read(ref _lost);

    public int NotSkinLite => Volatile.Read(ref _notSkinLite);

    public int OurMistakes => Volatile.Read(ref _ourMistakes);

    public int WaitErrors => _waitErrors.Values.Sum();

    public int Outcomes(OutcomeKind kind) => _outcomes.GetValueOrDefault(kind);

    /// <summary>The first few exceptions of the wrong type and lost jobs, for the report.</summary>
    public IEnumerable<string> Strange => _strange.Take(10);

    public void Submitted(SkinAnalysisJob job, SubmitCall call)
    {
        Interlocked.Increment(ref _handles);
        if (call.JobsCreated != 1)
        {
            Interlocked.Increment(ref _handlesWithoutOneJob);
        }

        if (!_predictionIds.TryAdd(job.PredictionId, 0))
        {
            Interlocked.Increment(ref _repeatedIds);
        }
    }

    public void SubmitFailed(Exception error, SubmitCall call)
    {
        if (Unexpected(error, "submit"))
        {
            return;
        }

        _submitErrors.AddOrUpdate(Describe(error), 1, (_, n) => n + 1);
        bool warned = ((SkinLiteException)error).JobMayExist;
        if (call.JobsCreated > 0)
        {
            Interlocked.Increment(ref _mayExist);
            if (!warned)
            {
                Interlocked.Increment(ref _falseReassurances);
                _strange.Enqueue($"a submit created a job but its {error.GetType().Name} says JobMayExist false: {error.Message}");
            }
        }
        else
        {
            Interlocked.Increment(ref _nothingCreated);
            if (warned)
            {
                Interlocked.Increment(ref _needlessWarnings);
            }
        }
    }

    public void Ended(AnalysisOutcome outcome, SkinAnalysisJob job)
    {
        if (!outcome.IsTerminal)
        {
            LostJob(job, $"the wait ended with a {outcome.Kind} outcome, not a terminal one");
            return;
        }

        _outcomes.AddOrUpdate(outcome.Kind, 1, (_, n) => n + 1);
    }

    public void WaitFailed(Exception error)
    {
        if (!Unexpected(error, "wait"))
        {
            _waitErrors.AddOrUpdate(Describe(error), 1, (_, n) => n + 1);
        }
    }

    public void LostJob(SkinAnalysisJob job, string why)
    {
        Interlocked.Increment(ref _lost);
        _strange.Enqueue($"lost {job.PredictionId}: {why}");
    }

    public IEnumerable<string> Report()
    {
        yield return Line($"submits: handles {Handles}, failed {SubmitFailures} ({Join(_submitErrors)})");
        yield return Line($"failed submits: job created (may exist) {MayExist}, of which JobMayExist false {FalseReassurances}; nothing created {Volatile.Read(ref _nothingCreated)}, of which JobMayExist true (cautious) {Volatile.Read(ref _needlessWarnings)}");
        yield return Line($"waits: {Join(_outcomes.ToDictionary(o => o.Key.ToString(), o => o.Value))}; ended in a SkinLite exception {WaitErrors} ({Join(_waitErrors)}); lost {Lost}");
        yield return Line($"exceptions that are not SkinLite exceptions {NotSkinLite}; ArgumentException (our own mistakes) {OurMistakes}");
    }

    /// <summary>Counts an exception that is neither a SkinLite exception nor a cancellation of ours; true when it was one.</summary>
    private bool Unexpected(Exception error, string where)
    {
        if (error is SkinLiteException)
        {
            return false;
        }

        if (error is ArgumentException)
        {
            Interlocked.Increment(ref _ourMistakes);
        }
        else
        {
            Interlocked.Increment(ref _notSkinLite);
        }

        _strange.Enqueue($"{where} threw {error.GetType().FullName}: {error.Message}");
        return true;
    }

    private static string Describe(Exception error) => error switch
    {
        SkinLiteTransportException { IsTimeout: true } => "SkinLiteTransportException (timeout)",
        SkinLiteTransportException transport => $"SkinLiteTransportException ({transport.Error})",
        _ => error.GetType().Name,
    };

    private static string Join<TKey>(IEnumerable<KeyValuePair<TKey, int>> counts) where TKey : notnull =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
