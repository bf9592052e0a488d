using System.Globalization;
using System.Text;

namespace SkinLite.Cli.Output;

/// <summary>
/// The end of <c>skinlite batch</c>: counts by outcome and by reason, what this run paid for, what it left (uncertain
/// images by path, images not submitted and why), its pace, and the command that resumes it. On stderr for a person,
/// or as one JSON object on stdout with --json (<see cref="BatchSummaryDocument"/>).
/// </summary>
internal static class BatchSummary
{
    /// <summary>The statuses in the order they are listed.</summary>
    private static readonly BatchItemStatus[] Order =
    [
        BatchItemStatus.Succeeded, BatchItemStatus.Rejected, BatchItemStatus.Failed, BatchItemStatus.Refused,
        BatchItemStatus.Unfinished, BatchItemStatus.Uncertain, BatchItemStatus.NotSubmitted,
    ];

    /// <summary>The non-zero counts, e.g. <c>10 succeeded, 2 rejected</c>.</summary>
    public static string ByOutcome(BatchCounts counts) =>
        string.Join(", ", Order.Where(s => counts.Of(s) > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{counts.Of(s)} {Words(s)}")));

    /// <summary>A duration for people: <c>42s</c>, <c>3m05s</c>, <c>2h10m</c>.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s");

    /// <summary>Why the run stopped submitting before the end, if it did: the key, the quota, the budget, or Ctrl-C.</summary>
    public static BatchStopReason StoppedBy(BatchCounts counts)
    {
        foreach (BatchStopReason why in new[] { BatchStopReason.Authentication, BatchStopReason.UsageLimit, BatchStopReason.Budget, BatchStopReason.Cancelled })
        {
            if (counts.NotSubmitted.ContainsKey(OutcomeReport.CamelCase(why.ToString())))
            {
                return why;
            }
        }

        return BatchStopReason.None;
    }

    public static BatchSummaryDocument Document(BatchCounts counts, BatchOutputFolder folder, string? resume, bool cancelled, bool emulated, int exitCode) => new()
    {
        StoppedBy = StoppedBy(counts) is var stopped && stopped != BatchStopReason.None ? OutcomeReport.CamelCase(stopped.ToString()) : null,
        Outcome = cancelled ? "cancelled" : counts.Open == 0 ? "complete" : "incomplete",
        Out = folder.Shown,
        Images = counts.Done,
        Outcomes = Order.ToDictionary(BatchResultLine.OutcomeOf, counts.Of),
        Reasons = counts.Rejections,
        NotSubmittedReasons = counts.NotSubmitted,
        FromEarlierRuns = counts.FromJournal,
        AnalysesPaid = counts.Submitted,
        Credits = counts.Credits,
        UncertainImages = counts.Uncertain,
        ElapsedSeconds = Math.Round(counts.Elapsed.TotalSeconds, 1),
        ImagesPerMinute = Math.Round(counts.PerMinute, 1),
        Resume = resume,
        Emulated = emulated,
        ExitCode = exitCode,
    };

    /// <summary>The summary for a person, on stderr.</summary>
    public static void WriteHuman(TextWriter output, BatchCounts counts, BatchOutputFolder folder, string? resume, bool cancelled)
    {
        var text = new StringBuilder();
        string ended = cancelled ? "batch cancelled" : counts.Open == 0 ? "batch done" : "batch stopped";
        text.Append(CultureInfo.InvariantCulture, $"skinlite: {ended} after {Duration(counts.Elapsed)}: {counts.Done} image{(counts.Done == 1 ? "" : "s")}");
        if (counts.DoneThisRun > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {counts.PerMinute:0.#} per minute");
        }

        text.AppendLine();
        text.Append("  ").AppendLine(counts.Done == 0 ? "no images found" : ByOutcome(counts));
        if (counts.Rejections.Count > 0)
        {
            text.Append("  rejected or refused: ").AppendLine(string.Join(", ", counts.Rejections.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}"))));
        }

        text.Append(CultureInfo.InvariantCulture, $"  analyses paid this run: {counts.Submitted}");
        if (counts.Credits is { } credits)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({credits} credit{(credits == 1 ? "" : "s")})");
        }

        if (counts.FromJournal > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {counts.FromJournal} skipped, already done in an earlier run");
        }

        text.AppendLine();
        if (counts.NotSubmitted.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  not submitted: {counts.Of(BatchItemStatus.NotSubmitted)} (")
                .Append(string.Join(", ", counts.NotSubmitted.Select(r => string.Create(CultureInfo.InvariantCulture, $"{Why(r.Key)}: {r.Value}"))))
                .AppendLine(")");
        }

        if (counts.Uncertain.Count > 0)
        {
            text.AppendLine("  uncertain (the submit may have been paid for; not submitted again unless --resubmit-uncertain):");
            foreach (string path in counts.Uncertain)
            {
                text.Append("    ").AppendLine(TerminalText.Clean(path));
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"  results: {Path.Combine(folder.Shown, BatchOutputFolder.ResultsJsonName)}, {Path.Combine(folder.Shown, BatchOutputFolder.ResultsCsvName)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"; documents in {Path.Combine(folder.Shown, BatchOutputFolder.DocumentsName)}/");
        if (resume is not null)
        {
            text.Append("  Resume with: ").AppendLine(resume);
        }

        output.Write(text.ToString());
    }

    private static string Words(BatchItemStatus status) => status switch
    {
        BatchItemStatus.NotSubmitted => "not submitted",
        _ => BatchResultLine.OutcomeOf(status),
    };

    private static string Why(string stopReason) => stopReason switch
    {
        "budget" => "the --max-analyses or --max-credits budget was reached",
        "usageLimit" => "the account's usage limit is used up",
        "authentication" => "the service refused the key",
        "cancelled" => "cancelled",
        "submitRefused" => "the service refused the submit",
        _ => stopReason,
    };
}
