using System.Diagnostics;

namespace SkinLite.Cli.Output;

/// <summary>What a batch run has seen so far: counts by outcome and reason, what it paid for, what it left. Read by the progress line while the run adds to it.</summary>
internal sealed class BatchTally
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<BatchItemStatus, int> _byStatus = [];
    private readonly SortedDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _notSubmitted = new(StringComparer.Ordinal);
    private readonly List<string> _uncertain = [];
    private int _fromJournal;
    private int _submitted;
    private int _credits;
    private bool _creditsKnown;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Add(BatchItemResult result)
    {
        lock (_gate)
        {
            _byStatus[result.Status] = _byStatus.GetValueOrDefault(result.Status) + 1;
            if (result.FromJournal)
            {
                _fromJournal++;
            }

            if (result.Submitted)
            {
                _submitted++;
                if (result.ConsumedCredits is { } credits)
                {
                    _credits += credits;
                    _creditsKnown = true;
                }
            }

            if (result.Status is BatchItemStatus.Rejected or BatchItemStatus.Refused)
            {
                string reason = OutcomeReport.CamelCase((result.Reason == RejectionReason.None ? RejectionReason.Unknown : result.Reason).ToString());
                _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
            }

            if (result.Status == BatchItemStatus.Uncertain)
            {
                _uncertain.Add(result.Path);
            }

            if (result.Status == BatchItemStatus.NotSubmitted)
            {
                string why = OutcomeReport.CamelCase(result.StopReason.ToString());
                _notSubmitted[why] = _notSubmitted.GetValueOrDefault(why) + 1;
            }
        }
    }

    public BatchCounts Snapshot()
    {
        lock (_gate)
        {
            return new BatchCounts(
                new Dictionary<BatchItemStatus, int>(_byStatus),
                new SortedDictionary<string, int>(_rejections, StringComparer.Ordinal),
                new SortedDictionary<string, int>(_notSubmitted, StringComparer.Ordinal),
                [.. _uncertain],
                _fromJournal,
                _submitted,
                _creditsKnown ? _credits : null,
                _clock.Elapsed);
        }
    }
}
