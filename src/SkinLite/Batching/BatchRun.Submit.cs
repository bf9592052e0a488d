namespace SkinLite;

/// <summary>The submit of one image: the gates, the journal around the POST, and what each failure means for money.</summary>
internal sealed partial class BatchRun
{
    /// <summary>
    /// How many times one image goes back through the gates after the client's own retries ended with a failure that
    /// proves no job was created (429s, 503s, connections refused): the batch keeps a busy service's pace, but does not
    /// loop forever on a service that refuses everything.
    /// </summary>
    internal const int SubmitRounds = 5;

    /// <summary>
    /// What stops a submit that already holds its place in the budget: the usage limit, a refused key. A budget stop is
    /// not one: it refuses the submits that found the budget spent, not those that reserved their place before.
    /// </summary>
    private BatchStopReason StopForReserved => StopReason is BatchStopReason.Budget ? BatchStopReason.None : StopReason;

    /// <returns>The job, or <see langword="null"/> when the image ended here (its result already emitted).</returns>
    private async Task<SkinAnalysisJob?> SubmitAsync(string path, ContentHash hash, PreparedImage prepared, bool changed)
    {
        if (!await _budget.ReserveAsync(_beforeSubmit.Token).ConfigureAwait(false))
        {
            Stop(BatchStopReason.Budget);
            await EmitAsync(BatchResults.NotSubmitted(path, hash, BatchStopReason.Budget, changed: changed)).ConfigureAwait(false);
            return null;
        }

        for (int round = 1; ; round++)
        {
            try
            {
                await _governor.WaitAsync(_beforeSubmit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _budget.Release();
                throw;
            }

            using AdaptiveConcurrencyLimit.Lease lease = await TakeSubmitSlotAsync().ConfigureAwait(false);
            if (StopForReserved is not BatchStopReason.None and var stopped)
            {
                _budget.Release();
                await EmitAsync(BatchResults.NotSubmitted(path, hash, stopped, changed: changed)).ConfigureAwait(false);
                return null;
            }

            if (_beforeSubmit.IsCancellationRequested)
            {
                _budget.Release();
                _beforeSubmit.Token.ThrowIfCancellationRequested();
            }

            // On the disk before the request leaves: a crash from here on leaves the image uncertain, never silently unpaid.
            if (_journal is not null)
            {
                await _journal.RecordSubmittingAsync(path, hash, CancellationToken.None).ConfigureAwait(false);
            }

            SkinAnalysisJob job;
            try
            {
                // Once sent, the submit may finish within the grace: its ids are worth more than a prompt stop.
                job = await _service.SubmitAsync(prepared.Content, prepared.FileName ?? System.IO.Path.GetFileName(path), _grace.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SkinLiteException { JobMayExist: false } or SkinLitePreflightException or ArgumentException)
            {
                // The journal says "submitting": it must now say that nothing was created, or a resume would call the image uncertain.
                SubmitVerdict verdict = Judge(ex, round);
                if (verdict == SubmitVerdict.Refused)
                {
                    RejectionReason reason = (ex as SkinLitePreflightException)?.Reason ?? RejectionReason.None;
                    _budget.Release();
                    await RecordRefusedAsync(path, hash, reason, ex.Message).ConfigureAwait(false);
                    await EmitAsync(BatchResults.Refused(path, hash, reason, ex.Message, prepared.Note, changed)).ConfigureAwait(false);
                    return null;
                }

                await (_journal?.RecordNotSubmittedAsync(path, hash, ex.Message, CancellationToken.None) ?? Task.CompletedTask).ConfigureAwait(false);
                if (verdict == SubmitVerdict.TryAgain)
                {
                    continue;
                }

                _budget.Release();
                BatchStopReason why = StopForReserved is BatchStopReason.None ? BatchStopReason.SubmitRefused : StopForReserved;
                await EmitAsync(BatchResults.NotSubmitted(path, hash, why, ex, changed)).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is SkinLiteException or OperationCanceledException && !_hard.IsCancellationRequested)
            {
                // The request may have reached the service: the journal keeps saying "submitting", and nothing resubmits it.
                if (ex is SkinLiteTransportException { IsTimeout: true } or OperationCanceledException)
                {
                    _submits.OnThrottled();
                }

                _budget.Abandoned();
                Exception error = ex as SkinLiteException ?? new SkinLiteTransportException(
                    "The batch was cancelled, and its grace ran out, while this submit was in flight.", System.Net.Http.HttpRequestError.Unknown, isTimeout: true, ex);
                await EmitAsync(BatchResults.Uncertain(path, hash, error, changed)).ConfigureAwait(false);
                return null;
            }

            _submits.OnSuccess();
            _governor.OnAccepted();
            if (_journal is not null)
            {
                await _journal.RecordSubmittedAsync(path, hash, job, CancellationToken.None).ConfigureAwait(false);
            }

            return job;
        }
    }

    private async Task<AdaptiveConcurrencyLimit.Lease> TakeSubmitSlotAsync()
    {
        try
        {
            return await _submits.WaitAsync(_beforeSubmit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _budget.Release();
            throw;
        }
    }

    /// <summary>What a submit that proved no job was created means for the image and the batch.</summary>
    private SubmitVerdict Judge(Exception error, int round)
    {
        switch (error)
        {
            case SkinLiteUsageLimitException:
                Stop(BatchStopReason.UsageLimit);
                return SubmitVerdict.NotSubmitted;
            case SkinLiteAuthenticationException:
                Stop(BatchStopReason.Authentication);
                return SubmitVerdict.NotSubmitted;
            case SkinLitePreflightException or ArgumentException:
                return SubmitVerdict.Refused;
            case SkinLiteRateLimitException:
            case SkinLiteServerException:
            case SkinLiteTransportException:
                _submits.OnThrottled();
                return round < SubmitRounds && StopForReserved == BatchStopReason.None && !_beforeSubmit.IsCancellationRequested
                    ? SubmitVerdict.TryAgain
                    : SubmitVerdict.NotSubmitted;
            default:
                return SubmitVerdict.NotSubmitted;
        }
    }

    private enum SubmitVerdict
    {
        TryAgain,
        NotSubmitted,
        Refused,
    }
}
