namespace SkinLite;

/// <summary>
/// A concurrency limit that adapts to the service (AIMD: additive increase, multiplicative decrease). A caller takes a
/// lease with <see cref="WaitAsync"/> before a request and disposes it after; it reports how the request went with
/// <see cref="OnSuccess"/> or <see cref="OnThrottled"/> (a 429 or a timeout). A throttle halves the limit (never below
/// the minimum); every <c>limit</c> consecutive successes add one (never above the maximum). Leases already out stay
/// out when the limit drops: the limit is reached again as they come back. Waiters are served first come, first served.
/// </summary>
/// <remarks>
/// Thread-safe, one lock, no spinning. Taking a free slot allocates nothing; a wait that has to queue allocates one
/// waiter (a <see cref="TaskCompletionSource{TResult}"/> and its task) and, for a cancellable token, one registration,
/// as <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/> does. For the batch submit; not wired to anything yet.
/// </remarks>
internal sealed class AdaptiveConcurrencyLimit
{
    private readonly Lock _lock = new();
    private Waiter? _head;
    private Waiter? _tail;
    private int _limit;
    private int _inUse;
    private int _waiting;
    private int _successes;

    /// <param name="initial">The limit to start with.</param>
    /// <param name="minimum">The floor a throttle cannot go below (at least 1).</param>
    /// <param name="maximum">The ceiling successes cannot go above.</param>
    public AdaptiveConcurrencyLimit(int initial, int minimum, int maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initial, maximum);
        _limit = initial;
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Minimum { get; }

    public int Maximum { get; }

    /// <summary>How many leases may be out at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>How many leases are out.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse;
            }
        }
    }

    /// <summary>How many callers wait for a lease.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Takes a lease, at once when the limit allows, else when a lease comes back or the limit grows.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled before a lease was granted; no lease is held.</exception>
    public ValueTask<Lease> WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_head is null && _inUse < _limit)
            {
                _inUse++;
                return new ValueTask<Lease>(new Lease(this));
            }
        }

        return new ValueTask<Lease>(Enqueue(cancellationToken));
    }

    /// <summary>A request went well: after <c>limit</c> of them in a row the limit grows by one, up to the maximum.</summary>
    public void OnSuccess()
    {
        Waiter? granted;
        lock (_lock)
        {
            if (_limit >= Maximum)
            {
                _successes = 0;
                return;
            }

            if (++_successes < _limit)
            {
                return;
            }

            _successes = 0;
            _limit++;
            granted = TakeGrantableLocked();
        }

        Grant(granted);
    }

    /// <summary>A request was throttled (a 429 or a timeout): the limit halves, never below the minimum, and the run of successes restarts.</summary>
    public void OnThrottled()
    {
        lock (_lock)
        {
            _limit = Math.Max(Minimum, _limit / 2);
            _successes = 0;
        }
    }

    private Task<Lease> Enqueue(CancellationToken cancellationToken)
    {
        var waiter = new Waiter(this);
        if (cancellationToken.CanBeCanceled)
        {
            // Registered before the waiter is queued: a cancellation in between finds it not queued and does nothing,
            // and the check under the lock below sees the token cancelled.
            waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), waiter);
        }

        lock (_lock)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                waiter.Registration.Dispose();
                return Task.FromCanceled<Lease>(cancellationToken);
            }

            if (_head is null && _inUse < _limit)
            {
                // A lease came back between the first look and now.
                _inUse++;
                waiter.Registration.Dispose();
                return Task.FromResult(new Lease(this));
            }

            waiter.Queued = true;
            waiter.Previous = _tail;
            if (_tail is null)
            {
                _head = waiter;
            }
            else
            {
                _tail.Next = waiter;
            }

            _tail = waiter;
            _waiting++;
        }

        return waiter.Task;
    }

    private void Release()
    {
        Waiter? granted;
        lock (_lock)
        {
            _inUse--;
            granted = TakeGrantableLocked();
        }

        Grant(granted);
    }

    /// <summary>Takes off the queue, in order, every waiter the limit now has room for, counting their leases; returns them as a chain.</summary>
    private Waiter? TakeGrantableLocked()
    {
        Waiter? first = null;
        Waiter? last = null;
        while (_head is not null && _inUse < _limit)
        {
            Waiter waiter = _head;
            RemoveLocked(waiter);
            _inUse++;
            if (last is null)
            {
                first = waiter;
            }
            else
            {
                last.Next = waiter;
            }

            last = waiter;
        }

        return first;
    }

    /// <summary>Completes the granted waiters outside the lock (their continuations run asynchronously).</summary>
    private void Grant(Waiter? chain)
    {
        while (chain is not null)
        {
            Waiter next = chain.Next!;
            chain.Next = null;
            chain.Registration.Dispose();
            chain.TrySetResult(new Lease(this));
            chain = next;
        }
    }

    private void RemoveLocked(Waiter waiter)
    {
        if (waiter.Previous is null)
        {
            _head = waiter.Next;
        }
        else
        {
            waiter.Previous.Next = waiter.Next;
        }

        if (waiter.Next is null)
        {
            _tail = waiter.Previous;
        }
        else
        {
            waiter.Next.Previous = waiter.Previous;
        }

        waiter.Previous = null;
        waiter.Next = null;
        waiter.Queued = false;
        _waiting--;
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_lock)
        {
            if (!waiter.Queued)
            {
                // Already granted: the lease is the caller's, and the cancellation frees nothing.
                return;
            }

            RemoveLocked(waiter);
        }

        waiter.TrySetCanceled(token);
    }

    /// <summary>A slot of the limit; dispose it exactly once, when the request is over.</summary>
    internal readonly struct Lease : IDisposable
    {
        private readonly AdaptiveConcurrencyLimit? _owner;

        public Lease(AdaptiveConcurrencyLimit owner) => _owner = owner;

        public void Dispose() => _owner?.Release();
    }

    private sealed class Waiter(AdaptiveConcurrencyLimit owner) : TaskCompletionSource<Lease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Waiter? Previous { get; set; }

        public Waiter? Next { get; set; }

        public bool Queued { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Cancel(CancellationToken token) => owner.Cancel(this, token);
    }
}
