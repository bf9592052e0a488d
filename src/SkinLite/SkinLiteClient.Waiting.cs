using System.Runtime.CompilerServices;

namespace SkinLite;

/// <summary>Waiting on jobs: to the end, as a stream of status changes, or submit and wait in one call.</summary>
public partial class SkinLiteClient
{
    /// <summary>
    /// Polls a job until it ends and returns its outcome: succeeded, rejected or failed. Transient faults (5xx, 429,
    /// timeouts, dropped connections, unreadable answers) are retried inside the deadline; others end the wait.
    /// </summary>
    /// <param name="job">A handle from a submit, or rebuilt from saved ids to resume in another process.</param>
    /// <param name="polling">Overrides the client's <see cref="SkinLiteClientOptions.Polling"/> for this wait.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The terminal outcome.</returns>
    /// <exception cref="SkinLiteWaitTimeoutException">The deadline came first; it carries the job to resume with.</exception>
    /// <exception cref="SkinLiteApiException">A permanent error (401, 403, 404, 400, ...).</exception>
    public virtual Task<AnalysisOutcome> WaitAsync(SkinAnalysisJob job, PollingOptions? polling = null, CancellationToken cancellationToken = default) =>
        WaitCoreAsync(job, polling, null, cancellationToken);

    /// <summary>The wait, keeping the terminal outcome's document in <paramref name="document"/> when one is given (a batch saving documents).</summary>
    internal async Task<AnalysisOutcome> WaitCoreAsync(SkinAnalysisJob job, PollingOptions? polling, TerminalDocument? document, CancellationToken cancellationToken)
    {
        using JobPoller poller = StartPoller(job, polling, cancellationToken, document);
        try
        {
            while (true)
            {
                AnalysisOutcome outcome = await poller.NextAsync().ConfigureAwait(false);
                if (outcome.IsTerminal)
                {
                    return poller.Ended(outcome);
                }
            }
        }
        catch (Exception ex)
        {
            poller.Failed(ex);
            throw;
        }
    }

    /// <summary>
    /// Polls a job and yields each distinct status once as it is first seen, then the terminal outcome, for progress
    /// displays. Faults and the deadline behave as in <see cref="WaitAsync(SkinAnalysisJob, PollingOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="job">A handle from a submit, or rebuilt from saved ids.</param>
    /// <param name="polling">Overrides the client's <see cref="SkinLiteClientOptions.Polling"/> for this wait.</param>
    /// <param name="cancellationToken">Ends the stream with <see cref="OperationCanceledException"/>.</param>
    /// <returns>Each distinct pending status once, as it is first seen, then exactly one terminal outcome.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another route family, an id is unsafe, or a polling setting is invalid; thrown at the call, before any enumeration.</exception>
    public virtual IAsyncEnumerable<AnalysisOutcome> WatchAsync(SkinAnalysisJob job, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        // Checked here, not in the iterator, so that a bad argument fails where it is passed.
        _channel.ResultUri(job);
        polling?.Validate();
        return WatchCoreAsync(job, polling, cancellationToken);
    }

    private async IAsyncEnumerable<AnalysisOutcome> WatchCoreAsync(SkinAnalysisJob job, PollingOptions? polling, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using JobPoller poller = StartPoller(job, polling, cancellationToken);
        // Each status is shown once even if the job goes back to it; there are as many at most as there are polls.
        var shown = new List<JobStatus>(4);
        while (true)
        {
            AnalysisOutcome outcome;
            try
            {
                outcome = await poller.NextAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                poller.Failed(ex);
                throw;
            }

            if (outcome.IsTerminal)
            {
                yield return poller.Ended(outcome);
                yield break;
            }

            if (!shown.Contains(outcome.Status))
            {
                shown.Add(outcome.Status);
                yield return outcome;
            }
        }
    }

    /// <summary>Submits the image file and waits for the outcome: the whole job in one call.</summary>
    /// <param name="imagePath">A PNG or JPEG file.</param>
    /// <param name="cancellationToken">Cancels the upload or the wait.</param>
    /// <returns>The terminal outcome.</returns>
    /// <exception cref="SkinLiteWaitTimeoutException">The deadline came first; it carries the job to resume with.</exception>
    public virtual async Task<AnalysisOutcome> AnalyzeAsync(string imagePath, CancellationToken cancellationToken = default)
    {
        SkinAnalysisJob job = await SubmitAsync(imagePath, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(job, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits an image held in memory and waits for the outcome.</summary>
    /// <param name="image">The PNG or JPEG bytes.</param>
    /// <param name="fileName">The file name to declare.</param>
    /// <param name="cancellationToken">Cancels the upload or the wait.</param>
    /// <returns>The terminal outcome.</returns>
    /// <exception cref="SkinLiteWaitTimeoutException">The deadline came first; it carries the job to resume with.</exception>
    public virtual async Task<AnalysisOutcome> AnalyzeAsync(ReadOnlyMemory<byte> image, string? fileName = null, CancellationToken cancellationToken = default)
    {
        SkinAnalysisJob job = await SubmitAsync(image, fileName, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(job, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits an image read from <paramref name="image"/> (streamed, never buffered whole) and waits for the outcome.</summary>
    /// <param name="image">The PNG or JPEG content; SkinLite does not dispose it.</param>
    /// <param name="fileName">The file name to declare.</param>
    /// <param name="cancellationToken">Cancels the upload or the wait.</param>
    /// <returns>The terminal outcome.</returns>
    /// <exception cref="SkinLiteWaitTimeoutException">The deadline came first; it carries the job to resume with.</exception>
    public virtual async Task<AnalysisOutcome> AnalyzeAsync(Stream image, string? fileName = null, CancellationToken cancellationToken = default)
    {
        SkinAnalysisJob job = await SubmitAsync(image, fileName, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(job, null, cancellationToken).ConfigureAwait(false);
    }

    private JobPoller StartPoller(SkinAnalysisJob job, PollingOptions? polling, CancellationToken cancellationToken, TerminalDocument? document = null)
    {
        Uri resultUri = _channel.ResultUri(job);
        PollingOptions options = _polling;
        if (polling is not null)
        {
            polling.Validate();
            options = polling.Clone();
        }

        // A handle fresh from a submit still says ACCEPTED: give the analysis its head start before the first poll. Only
        // a handle this client submitted has a known age on its clock (from the submit's answer, however late the wait
        // starts), so only its wait follows the learned plan and teaches it.
        bool justSubmitted = job.Status == JobStatus.Accepted;
        long? answered = justSubmitted && options.Adaptive && options.FixedInterval is null && _channel.Submitted.TryGet(job, out long at) ? at : null;
        return new JobPoller(_channel, job, resultUri, options, justSubmitted, _time, _logger, cancellationToken, document, answered is null ? null : ProcessingTimes, answered);
    }
}
