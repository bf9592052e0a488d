using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace SkinLite;

/// <summary>
/// One wait on one job: polls on the schedule, retries transient faults inside the deadline, hands back each answered
/// poll, and records how the wait ended (the <c>SkinLite.Wait</c> span, the outcome metrics and logs). Costs one object,
/// one timer and one cancellation source per wait, however many polls it makes.
/// </summary>
internal sealed class JobPoller : IDisposable
{
    private readonly ServiceChannel _channel;
    private readonly SkinAnalysisJob _job;
    private readonly Uri _resultUri;
    private readonly PollingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _callerToken;
    private readonly long _started;
    private readonly ITimer _attemptTimer;
    private readonly Activity? _activity;
    // Where to keep the terminal outcome's document (a batch saving documents); null keeps none.
    private readonly TerminalDocument? _document;
    private CancellationTokenSource _attempt;

    // When the running poll times out, as a timestamp; 0 while no poll runs. The one timer of the wait can deliver a tick
    // late, after its poll ended: the tick only cancels once this moment has passed.
    private long _attemptDue;
    // The client's learned processing times, when this wait follows and teaches them; null for the plain backoff.
    private readonly ProcessingTimes? _learning;
    private AdaptiveSchedule _schedule;
    private TimeSpan _nextDelay;

    // Where the job's age counts from: the submit's answer when this client submitted it, else the wait's start.
    private readonly long _origin;

    // When the last poll that saw the job pending was sent, by the job's age: the lower end of what it teaches.
    private TimeSpan _lastPendingSent;

    // learning: the client's learned times, which this wait follows and teaches (null: the plain backoff); answered: when
    // the submit of this job was answered, a timestamp of time (given with learning).
    public JobPoller(ServiceChannel channel, SkinAnalysisJob job, Uri resultUri, PollingOptions options, bool justSubmitted, TimeProvider time, ILogger logger, CancellationToken callerToken, TerminalDocument? document = null, ProcessingTimes? learning = null, long? answered = null)
    {
        _document = document;
        _channel = channel;
        _job = job;
        _resultUri = resultUri;
        _options = options;
        _time = time;
        _logger = logger;
        _callerToken = callerToken;
        _started = time.GetTimestamp();
        _learning = learning;
        _origin = answered ?? _started;
        _schedule = new AdaptiveSchedule(options, learning?.Plan);
        _nextDelay = justSubmitted ? _schedule.First(Age) : TimeSpan.Zero;
        _attempt = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _attemptTimer = time.CreateTimer(static state => ((JobPoller)state!).OnAttemptTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _activity = Telemetry.Source.StartActivity("SkinLite.Wait", ActivityKind.Internal);
        Telemetry.TagJob(_activity, job);
    }

    public int Polls { get; private set; }

    public JobStatus? LastStatus { get; private set; }

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    // The job's age: what the plan's times and the learned intervals are measured in.
    private TimeSpan Age => _time.GetElapsedTime(_origin);

    /// <summary>Waits for the next answered poll; transient faults are retried here, permanent ones thrown.</summary>
    /// <exception cref="SkinLiteWaitTimeoutException">The deadline came first.</exception>
    /// <remarks>Awaited once per poll, at once, by the wait loops: its state machine, like those of the two steps below, comes from a pool instead of a new box per poll.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<AnalysisOutcome> NextAsync()
    {
        Exception? lastFault = null;
        while (true)
        {
            await DelayWithinDeadlineAsync(lastFault).ConfigureAwait(false);

            // HttpClient hands a cancelled token to its handler as it is: only this check keeps a cancelled wait from sending.
            _callerToken.ThrowIfCancellationRequested();
            Polls++;
            TimeSpan sent = Age;
            try
            {
                (AnalysisOutcome outcome, TimeSpan? retryAfter) = await PollWithTimeoutAsync().ConfigureAwait(false);
                LastStatus = outcome.Status;
                Telemetry.RecordPoll(outcome.Status);
                Log.Polled(_logger, Polls, _job.PredictionId, outcome.Status.Value);
                Learn(outcome, sent);
                _nextDelay = _schedule.Next(Age, retryAfter, throttled: false, fault: false);
                return outcome;
            }
            catch (Exception ex) when (!_callerToken.IsCancellationRequested && TransientFault.IsTransient(ex))
            {
                lastFault = ex;
                _nextDelay = _schedule.Next(Age, (ex as SkinLiteApiException)?.RetryAfter, throttled: ex is SkinLiteApiException, fault: true);
                Log.PollRetry(_logger, Polls, _job.PredictionId, TransientFault.Describe(ex), _nextDelay.TotalMilliseconds);
            }
        }
    }

    // The job ended after the last pending poll was sent (the server saw it pending then or later) and before this answer
    // came; a failed poll in between only widens the interval. Measured by the job's age, from the submit's answer.
    private void Learn(AnalysisOutcome outcome, TimeSpan sent)
    {
        if (_learning is null)
        {
            return;
        }

        if (outcome.IsTerminal)
        {
            _learning.Observe(_lastPendingSent, Age);
            _channel.Submitted.Forget(_job);
        }
        else
        {
            _lastPendingSent = sent;
        }
    }

    public SkinLiteWaitTimeoutException DeadlineReached(Exception? lastFault)
    {
        Log.DeadlineReached(_logger, _job.PredictionId, Elapsed.TotalMilliseconds, Polls, LastStatus?.Value);
        return new SkinLiteWaitTimeoutException(_job, LastStatus, Elapsed, Polls, lastFault);
    }

    /// <summary>Records the job's end (metrics, log, span) and hands the outcome back.</summary>
    public AnalysisOutcome Ended(AnalysisOutcome outcome)
    {
        TimeSpan elapsed = Elapsed;
        string kind = Telemetry.KindName(outcome.Kind);
        Telemetry.RecordOutcome(outcome.Kind, elapsed);
        Log.Ended(_logger, _job.PredictionId, kind, outcome.Status.Value, elapsed.TotalMilliseconds, Polls);
        _activity?.SetTag("skinlite.outcome", kind);
        _activity?.SetTag("skinlite.polls", Polls);
        if (outcome.IsRejected)
        {
            _activity?.SetTag("skinlite.rejection_reason", outcome.RejectionReason.ToString());
        }

        return outcome;
    }

    /// <summary>Records a wait that ended without an outcome: the deadline, the caller's cancellation, or a permanent error.</summary>
    public void Failed(Exception error)
    {
        string ending = error switch
        {
            SkinLiteWaitTimeoutException => "timeout",
            OperationCanceledException => "cancelled",
            _ => "error",
        };
        if (ending == "error")
        {
            Log.WaitFailed(_logger, _job.PredictionId, Polls, TransientFault.Describe(error));
        }

        if (_activity is null)
        {
            return;
        }

        _activity.SetTag("skinlite.outcome", ending);
        _activity.SetTag("skinlite.polls", Polls);
        _activity.SetTag("skinlite.last_status", LastStatus?.Value);
        _activity.SetTag("error.type", error.GetType().FullName);
        _activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }

    public void Dispose()
    {
        _activity?.Dispose();
        _attemptTimer.Dispose();
        _attempt.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask DelayWithinDeadlineAsync(Exception? lastFault)
    {
        TimeSpan remaining = _options.Deadline - Elapsed;
        if (remaining <= TimeSpan.Zero || (Polls > 0 && _nextDelay > remaining && remaining < _options.MinDelay))
        {
            throw DeadlineReached(lastFault);
        }

        TimeSpan delay = _nextDelay < remaining ? _nextDelay : remaining;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, _callerToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(AnalysisOutcome, TimeSpan?)> PollWithTimeoutAsync()
    {
        if (_attempt.IsCancellationRequested)
        {
            _attempt.Dispose();
            _attempt = CancellationTokenSource.CreateLinkedTokenSource(_callerToken);
        }

        // A poll may not run far past the deadline: its timeout is cut to what is left of it.
        TimeSpan left = _options.Deadline - Elapsed;
        TimeSpan timeout = _options.RequestTimeout < left ? _options.RequestTimeout : left > _options.MinDelay ? left : _options.MinDelay;
        Volatile.Write(ref _attemptDue, _time.GetTimestamp() + (long)(timeout.Ticks * ((double)_time.TimestampFrequency / TimeSpan.TicksPerSecond)));
        _attemptTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await _channel.GetOutcomeAsync(_resultUri, _attempt.Token, _document).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (_callerToken.IsCancellationRequested && ex.CancellationToken != _callerToken)
        {
            // The request saw the per-attempt token; the caller must see their own, to tell their cancellation apart.
            throw new OperationCanceledException(ex.Message, ex, _callerToken);
        }
        catch (OperationCanceledException ex) when (!_callerToken.IsCancellationRequested)
        {
            throw new SkinLiteTransportException($"Poll {Polls} of {_job.PredictionId} got no answer in time (PollingOptions.RequestTimeout is {_options.RequestTimeout.TotalSeconds:0.#} s).", HttpRequestError.Unknown, isTimeout: true, ex);
        }
        finally
        {
            Volatile.Write(ref _attemptDue, 0);
            _attemptTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnAttemptTimer()
    {
        long due = Volatile.Read(ref _attemptDue);
        if (due == 0)
        {
            return;
        }

        TimeSpan early = _time.GetElapsedTime(_time.GetTimestamp(), due);
        if (early > TimeSpan.Zero)
        {
            // A late tick of an earlier poll, or a timer firing a hair early: wait out the running poll's own time.
            try
            {
                _attemptTimer.Change(early, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // The wait ended meanwhile.
            }

            return;
        }

        CancelAttempt();
    }

    private void CancelAttempt()
    {
        try
        {
            _attempt.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The timer fired as the wait ended: nothing is left to cancel.
        }
    }
}
