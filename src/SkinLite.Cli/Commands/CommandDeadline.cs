using System.Diagnostics;
using SkinLite.Cli.Configuration;

namespace SkinLite.Cli.Commands;

/// <summary>
/// A command's --timeout as one clock from the start: it bounds the upload, the submit's answer, a single fetch and the
/// wait together, so that the command ends within the limit whatever the service does. Without a limit it never fires
/// (each request still has the library's own timeout).
/// </summary>
internal sealed class CommandDeadline : IDisposable
{
    private readonly CancellationToken _user;
    private readonly CancellationTokenSource? _limit;
    private readonly CancellationTokenSource? _linked;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public CommandDeadline(TimeSpan? limit, CancellationToken user)
    {
        _user = user;
        Limit = limit;
        if (limit is { } span)
        {
            _limit = new CancellationTokenSource(span);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(user, _limit.Token);
        }
    }

    public TimeSpan? Limit { get; }

    /// <summary>Cancelled by the user (Ctrl-C, SIGTERM) or by the limit.</summary>
    public CancellationToken Token => _linked?.Token ?? _user;

    /// <summary>The limit, not the user, ended the command.</summary>
    public bool Expired => _limit is { IsCancellationRequested: true } && !_user.IsCancellationRequested;

    /// <summary>What is left of the limit (at least a millisecond, so that a wait still reports its own timeout); <see langword="null"/> without one.</summary>
    public TimeSpan? Remaining => Limit is { } limit ? TimeSpan.FromTicks(Math.Max(limit.Ticks - _clock.Elapsed.Ticks, TimeSpan.TicksPerMillisecond)) : null;

    /// <summary>The limit as the user wrote it, e.g. "--timeout 10s".</summary>
    public string Describe() => Limit is { } limit ? $"--timeout {DurationParser.Format(limit)}" : "the time limit";

    public void Dispose()
    {
        _linked?.Dispose();
        _limit?.Dispose();
    }
}
