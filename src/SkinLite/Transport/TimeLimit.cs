namespace SkinLite;

/// <summary>
/// The time limit of one exchange: one <see cref="CancellationTokenSource"/> whose timer comes from the client's
/// <see cref="TimeProvider"/>, tied to the caller's token only when that token can be cancelled at all. A linked
/// source would cost a second source and two registrations per single fetch (+552 B against +~250 B, measured).
/// </summary>
internal readonly struct TimeLimit : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _caller;

    public TimeLimit(TimeSpan limit, TimeProvider time, CancellationToken caller)
    {
        _source = new CancellationTokenSource(limit, time);
        _caller = caller.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    /// <summary>Cancelled when the limit is reached or the caller cancels.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The limit, not the caller, ended the exchange.</summary>
    public bool Expired(CancellationToken caller) => _source.IsCancellationRequested && !caller.IsCancellationRequested;

    public void Dispose()
    {
        _caller.Dispose();
        _source.Dispose();
    }
}
