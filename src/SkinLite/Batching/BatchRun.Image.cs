namespace SkinLite;

/// <summary>One image of the batch: read, hash, decide from the journal, then skip, wait, or prepare, submit and wait.</summary>
internal sealed partial class BatchRun
{
    private async Task ProcessAsync(string path)
    {
        bool inMemory = true;
        BatchFile? file = null;
        ContentHash? known = null;
        SkinAnalysisJob? journaledJob = null;
        try
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                await EmitAsync(BatchResults.Refused(path ?? string.Empty, null, RejectionReason.None, "An empty path was given as an image.")).ConfigureAwait(false);
                return;
            }

            (file, string? problem) = await BatchFile.ReadAsync(path, _options.MaxFileBytes, _beforeSubmit.Token).ConfigureAwait(false);
            if (file is null)
            {
                // Not journaled: with no content there is no image to key it by, and a later run may find the file readable.
                await EmitAsync(BatchResults.Refused(path, null, RejectionReason.None, problem!)).ConfigureAwait(false);
                return;
            }

            ContentHash hash = ContentHash.Of(file.Content.Span);
            known = hash;
            if (!FirstSighting(path, hash))
            {
                await EmitAsync(BatchResults.Refused(path, hash, RejectionReason.None, $"'{path}' is listed more than once with the same content; it is analysed once.")).ConfigureAwait(false);
                return;
            }

            ResumeDecision decision = _journaled is null
                ? new ResumeDecision(ResumeAction.Submit, null, null, false)
                : ResumeDecision.Decide(_journaled, path, hash, _options.ResubmitUncertain);
            switch (decision.Action)
            {
                case ResumeAction.Skip:
                case ResumeAction.Uncertain:
                    await EmitAsync(BatchResults.FromJournal(path, decision.Entry!)).ConfigureAwait(false);
                    return;
                case ResumeAction.Wait:
                    journaledJob = decision.Job!;
                    Release(ref file, ref inMemory);
                    await _waits.WaitAsync(_grace.Token).ConfigureAwait(false);
                    try
                    {
                        await WaitAsync(path, hash, decision.Job!, note: null, submitted: false, changed: false).ConfigureAwait(false);
                    }
                    finally
                    {
                        _waits.Release();
                    }

                    return;
            }

            if (StopReason is not BatchStopReason.None and var stopped)
            {
                await EmitAsync(BatchResults.NotSubmitted(path, hash, stopped, changed: decision.ChangedSinceJournaled)).ConfigureAwait(false);
                return;
            }

            using PreparedImage prepared = await PrepareAsync(path, file).ConfigureAwait(false);
            if (prepared.IsRefused)
            {
                await RecordRefusedAsync(path, hash, prepared.RefusedReason, prepared.Refusal!).ConfigureAwait(false);
                await EmitAsync(BatchResults.Refused(path, hash, prepared.RefusedReason, prepared.Refusal!, prepared.Note, decision.ChangedSinceJournaled)).ConfigureAwait(false);
                return;
            }

            await _waits.WaitAsync(_beforeSubmit.Token).ConfigureAwait(false);
            try
            {
                SkinAnalysisJob? job = await SubmitAsync(path, hash, prepared, decision.ChangedSinceJournaled).ConfigureAwait(false);
                if (job is null)
                {
                    return;
                }

                // The bytes sent (a fitted JPEG, say) are not needed for the wait, which can take minutes for 64 jobs at once.
                prepared.Dispose();
                Release(ref file, ref inMemory);
                await WaitAsync(path, hash, job, prepared.Note, submitted: true, decision.ChangedSinceJournaled).ConfigureAwait(false);
            }
            finally
            {
                _waits.Release();
            }
        }
        catch (OperationCanceledException) when (_caller.IsCancellationRequested && !_hard.IsCancellationRequested)
        {
            // Cancelled before a submit (nothing was sent), or before a journaled job got a wait slot.
            BatchItemResult result = journaledJob is not null && known is { } hash
                ? BatchResults.Unfinished(path, hash, journaledJob, "The batch was cancelled before the job was waited on; a resume waits for it (no new submit).", null, submitted: false, changed: false)
                : BatchResults.NotSubmitted(path, known, BatchStopReason.Cancelled);
            await EmitAsync(result).ConfigureAwait(false);
        }
        finally
        {
            Release(ref file, ref inMemory);
        }
    }

    private void Release(ref BatchFile? file, ref bool inMemory)
    {
        file?.Dispose();
        file = null;
        if (inMemory)
        {
            inMemory = false;
            _inMemory.Release();
        }
    }

    private bool FirstSighting(string path, ContentHash hash)
    {
        lock (_seen)
        {
            return _seen.Add((path, hash));
        }
    }

    private async Task<PreparedImage> PrepareAsync(string path, BatchFile file)
    {
        await _preparing.WaitAsync(_beforeSubmit.Token).ConfigureAwait(false);
        try
        {
            if (_options.Prepare is { } prepare)
            {
                return await prepare(path, file.Content, _beforeSubmit.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"BatchOptions.Prepare returned null for '{path}'; it must return PreparedImage.Send(...) or PreparedImage.Refuse(...).");
            }

            ImagePreflightResult preflight = ImagePreflight.Check(file.Content.Span);
            return preflight.IsValid
                ? PreparedImage.Send(file.Content, System.IO.Path.GetFileName(path))
                : PreparedImage.Refuse(preflight.Reason, $"'{path}': {preflight.Message}");
        }
        finally
        {
            _preparing.Release();
        }
    }

    private Task RecordRefusedAsync(string path, ContentHash hash, RejectionReason reason, string message) =>
        _journal?.RecordRefusedAsync(path, hash, reason, message, CancellationToken.None) ?? Task.CompletedTask;

    private async Task WaitAsync(string path, ContentHash hash, SkinAnalysisJob job, string? note, bool submitted, bool changed)
    {
        TerminalDocument? document = _options.KeepDocuments ? new TerminalDocument() : null;
        AnalysisOutcome outcome;
        try
        {
            outcome = await _service.WaitAsync(job, _options.Polling, document, _grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SkinLiteException or OperationCanceledException && !_hard.IsCancellationRequested)
        {
            if (submitted)
            {
                _budget.Abandoned();
            }

            if (ex is SkinLiteAuthenticationException)
            {
                Stop(BatchStopReason.Authentication);
            }

            string message = ex switch
            {
                OperationCanceledException => "The batch was cancelled before the job finished; a resume waits for it (no new submit).",
                _ => $"{ex.Message} A resume waits for the job again (no new submit).",
            };
            await EmitAsync(BatchResults.Unfinished(path, hash, job, message, ex as SkinLiteException, submitted, changed)).ConfigureAwait(false);
            return;
        }

        if (submitted)
        {
            _budget.Finished(outcome.ConsumedCredits);
        }

        BatchItemResult result = BatchResults.Outcome(path, hash, job, outcome, document?.Bytes, note, submitted, changed);
        await EmitAsync(result, hash, JournalOutcome.From(outcome, outcome.ConsumedCredits)).ConfigureAwait(false);
    }
}
