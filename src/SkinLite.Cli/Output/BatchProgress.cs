using System.Globalization;
using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// The progress of <c>skinlite batch</c> on stderr: on a terminal one line redrawn in place (done/total once the input
/// has been read to its end, images per minute, time left, counts by outcome); otherwise a plain line every 5 seconds,
/// so a log gets a heartbeat rather than thousands of lines. Nothing with --quiet; stdout is never touched.
/// </summary>
internal sealed class BatchProgress : IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly BatchTally _tally;
    private readonly Func<int?> _total;
    private readonly bool _animated;
    private readonly Lock _gate = new();
    private readonly Timer? _timer;
    private bool _lineDrawn;
    private bool _stopped;

    public BatchProgress(BatchTally tally, Func<int?> total, bool quiet)
    {
        _tally = tally;
        _total = total;
        _animated = !quiet && Terminal.StderrIsTerminal;
        if (!quiet)
        {
            TimeSpan interval = _animated ? RedrawInterval : PlainInterval;
            _timer = new Timer(_ => Draw(), null, interval, interval);
        }
    }

    /// <summary>The progress line's text, e.g. <c>12/40 done  9.8/min  ETA 2m51s  10 succeeded, 2 rejected</c>.</summary>
    public static string Describe(BatchCounts counts, int? total)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{counts.Done}{(total is { } all ? $"/{all}" : "")} done");
        if (counts.DoneThisRun > 0)
        {
            double rate = counts.PerMinute;
            line.Append(CultureInfo.InvariantCulture, $"  {rate:0.#}/min");
            if (total is { } known && rate > 0 && known > counts.Done)
            {
                line.Append("  ETA ").Append(BatchSummary.Duration(TimeSpan.FromMinutes((known - counts.Done) / rate)));
            }
        }

        string byOutcome = BatchSummary.ByOutcome(counts);
        if (byOutcome.Length > 0)
        {
            line.Append("  ").Append(byOutcome);
        }

        return line.ToString();
    }

    /// <summary>Stops drawing and clears the live line, so that the summary starts on a clean line.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            _stopped = true;
            if (_lineDrawn)
            {
                Console.Error.Write("\r\e[K");
                _lineDrawn = false;
            }
        }
    }

    private static int Width()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    private void Draw()
    {
        string text = Describe(_tally.Snapshot(), _total());
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            if (_animated)
            {
                // A line longer than the terminal wraps, and \r then redraws only its last part: cut it to fit.
                text = "skinlite: " + text;
                int width = Width();
                if (width > 1 && text.Length >= width)
                {
                    text = text[..(width - 1)];
                }

                Console.Error.Write($"\r{text}\e[K");
                _lineDrawn = true;
            }
            else
            {
                Console.Error.WriteLine("skinlite: " + text);
            }
        }
    }
}
