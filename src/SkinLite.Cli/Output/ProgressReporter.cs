using System.Diagnostics;
using System.Globalization;

namespace SkinLite.Cli.Output;

/// <summary>
/// Progress on stderr while a job runs: status, elapsed time and poll count. On a terminal one line redrawn in place;
/// otherwise one plain line per status change; nothing with --quiet. Stdout is never touched, so --json stays clean.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private static readonly string[] Frames = ["|", "/", "-", "\\"];
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(125);

    private readonly RequestCounter _counter;
    private readonly bool _enabled;
    private readonly bool _animated;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly Timer? _timer;
    private string _status = "uploading";
    private int _frame;
    private bool _lineDrawn;

    public ProgressReporter(RequestCounter counter, bool quiet)
    {
        _counter = counter;
        _enabled = !quiet;
        _animated = _enabled && Terminal.StderrIsTerminal;
        if (_animated)
        {
            _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, FrameInterval);
        }
    }

    /// <summary>
    /// What the progress line shows for an outcome: the service's status while the job runs and when it succeeded, but
    /// "rejected" or "failed" when it ended so, because a rejection arrives with status SUCCESS and the line would
    /// otherwise contradict the message that follows it.
    /// </summary>
    public static string StatusOf(AnalysisOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Rejected => OutcomeReport.Rejected,
        OutcomeKind.Failed => OutcomeReport.Failed,
        _ => outcome.Status.Value,
    };

    public void Submitted(SkinAnalysisJob job)
    {
        Line(TerminalText.Clean($"submitted: prediction {job.PredictionId}{(job.ScanId is null ? "" : $", scan {job.ScanId}")}"));
        Observed(job.Status.Value is { Length: > 0 } status ? status : "ACCEPTED");
    }

    public void Observed(string status)
    {
        status = TerminalText.Clean(EchoedText.Clip(status));
        lock (_gate)
        {
            if (status == _status)
            {
                return;
            }

            _status = status;
        }

        if (!_animated)
        {
            Line(Describe());
        }
    }

    /// <summary>Ends the animation and leaves a final plain line, so that what follows starts on a clean line.</summary>
    public void Stop(string finalStatus)
    {
        finalStatus = TerminalText.Clean(finalStatus);
        _timer?.Dispose();
        bool changed;
        lock (_gate)
        {
            changed = finalStatus != _status;
            _status = finalStatus;
        }

        // Plain output has already printed an unchanged status; the animation leaves its last state as a line.
        if (_enabled && (changed || _animated))
        {
            Line(Describe());
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            ClearLine();
        }
    }

    private string Describe()
    {
        int polls = _counter.Polls;
        return string.Create(CultureInfo.InvariantCulture, $"{_status}  {_clock.Elapsed.TotalSeconds:0.0}s  {polls} poll{(polls == 1 ? "" : "s")}");
    }

    private void Line(string text)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            ClearLine();
            Console.Error.WriteLine("skinlite: " + text);
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            _frame = (_frame + 1) % Frames.Length;
            Console.Error.Write($"\r{Frames[_frame]} {Describe()}\e[K");
            _lineDrawn = true;
        }
    }

    private void ClearLine()
    {
        if (_lineDrawn)
        {
            Console.Error.Write("\r\e[K");
            _lineDrawn = false;
        }
    }
}
