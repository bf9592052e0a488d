namespace SkinLite;

/// <summary>
/// The batch's spending limits: <see cref="BatchOptions.MaxAnalyses"/> submits and <see cref="BatchOptions.MaxCredits"/>
/// credits. A submit reserves its place before it is sent and gives it back when the failure proves no job was created.
/// Credits are known only when a job finishes: a submit is allowed while the credits spent, plus what the jobs still
/// running are expected to cost (the dearest finished job so far), plus its own expected cost stay within the limit;
/// before any job has finished, one job at a time.
/// </summary>
internal sealed class BatchBudget
{
    private readonly int? _maxAnalyses;
    private readonly int? _maxCredits;
    private readonly Lock _lock = new();
    private int _analyses;
    private int _running;
    private long _credits;
    private int _dearest = -1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BatchBudget(int? maxAnalyses, int? maxCredits)
    {
        _maxAnalyses = maxAnalyses;
        _maxCredits = maxCredits;
    }

    /// <summary>How many submits this run made (or may have made).</summary>
    public int Analyses
    {
        get
        {
            lock (_lock)
            {
                return _analyses;
            }
        }
    }

    /// <summary>The credits the finished jobs of this run said they cost.</summary>
    public long Credits
    {
        get
        {
            lock (_lock)
            {
                return _credits;
            }
        }
    }

    /// <summary>Reserves one submit; waits while the cost of a job is not known yet and one is running.</summary>
    /// <returns>Whether the budget allows the submit; once it says no, it says no to every later submit.</returns>
    public async ValueTask<bool> ReserveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                switch (Decide())
                {
                    case true:
                        _analyses++;
                        _running++;
                        return true;
                    case false:
                        return false;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reserved submit created no job: its place is free again.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _analyses--;
            _running--;
            SignalLocked();
        }
    }

    /// <summary>A reserved job ended; <paramref name="credits"/> is what its document said it cost, when it said.</summary>
    public void Finished(int? credits)
    {
        lock (_lock)
        {
            _running--;
            if (credits is int spent)
            {
                _credits += spent;
                _dearest = Math.Max(_dearest, spent);
            }

            SignalLocked();
        }
    }

    /// <summary>A reserved job will not be heard of again in this run (uncertain, or unfinished): count it as running at the dearest cost no longer.</summary>
    public void Abandoned() => Finished(null);

    private bool? Decide()
    {
        if (_maxAnalyses is int maxAnalyses && _analyses >= maxAnalyses)
        {
            return false;
        }

        if (_maxCredits is not int maxCredits)
        {
            return true;
        }

        if (_credits >= maxCredits)
        {
            return false;
        }

        if (_dearest < 0)
        {
            // The cost of a job is not known until one finishes: one at a time until then.
            return _running == 0 ? true : null;
        }

        long expected = _credits + ((long)(_running + 1) * _dearest);
        return expected <= maxCredits ? true : _running == 0 ? false : null;
    }

    private void SignalLocked()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
