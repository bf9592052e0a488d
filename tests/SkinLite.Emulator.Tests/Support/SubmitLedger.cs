namespace SkinLite.Emulator.Tests.Support;

/// <summary>
/// Sits between a SkinLite client and the in-process emulator and keeps the books of a soak: how many requests reached
/// the emulator (each drew one fault), and for every <c>SubmitAsync</c> call how many submit requests it sent and how
/// many jobs they created. The call is known by an <see cref="AsyncLocal{T}"/> set before the call (<see cref="Begin"/>),
/// which flows with the call into the handler. A job counts as created by a submit that the emulator answered 2xx
/// (a truncated or malformed body included: it is cut or replaced after the work) or dropped (the emulator does the work,
/// then drops the connection; docs/emulator.md); a 429 or 5xx fault, or a request cancelled in a slow answer, creates
/// none. <see cref="JobsCreated"/> is checked against the emulator's own count, so a wrong reading of these rules fails
/// the soak instead of hiding a duplicate.
/// </summary>
internal sealed class SubmitLedger : DelegatingHandler
{
    private static readonly AsyncLocal<SubmitCall?> Current = new();
    private readonly List<SubmitCall> _calls = [];
    private long _requests;
    private long _strays;

    public SubmitLedger(HttpMessageHandler emulator) => InnerHandler = emulator;

    /// <summary>Requests that reached the emulator, submits and polls.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Submit requests that arrived outside any call begun with <see cref="Begin"/>: the books would be wrong.</summary>
    public long Strays => Interlocked.Read(ref _strays);

    public IReadOnlyList<SubmitCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public long JobsCreated => Calls.Sum(call => (long)call.JobsCreated);

    /// <summary>Marks the start of one <c>SubmitAsync</c> call on this async flow; its submit requests are booked to it.</summary>
    public SubmitCall Begin()
    {
        var call = new SubmitCall();
        lock (_calls)
        {
            _calls.Add(call);
        }

        Current.Value = call;
        return call;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (request.Method != HttpMethod.Post)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (Current.Value is not { } call)
        {
            Interlocked.Increment(ref _strays);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        call.CountRequest();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                call.CountJob();
            }

            return response;
        }
        catch (HttpRequestException)
        {
            call.CountJob(); // a 'drop' fault: the job exists, the answer never came
            throw;
        }
    }
}

/// <summary>One <c>SubmitAsync</c> call as the emulator saw it.</summary>
internal sealed class SubmitCall
{
    private int _requests;
    private int _jobs;

    public int Requests => Volatile.Read(ref _requests);

    public int JobsCreated => Volatile.Read(ref _jobs);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountJob() => Interlocked.Increment(ref _jobs);
}
