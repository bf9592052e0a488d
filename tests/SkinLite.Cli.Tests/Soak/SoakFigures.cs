using System.Globalization;
using System.Text;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests.Soak;

/// <summary>What a soak found: the figures docs/reliability.md reports, and the runs behind them.</summary>
internal sealed class SoakFigures
{
    /// <summary>Exit codes <c>skinlite batch</c> documents; anything else is a crash.</summary>
    private static readonly int[] Documented = [0, 2, 5, 6, 7, 8, 130];

    public required SoakPlan Plan { get; init; }

    public List<TimeSpan> KillMoments { get; } = [];

    /// <summary>Images whose last journal record was <c>submitting</c> right after a kill: in flight when it came.</summary>
    public HashSet<string> InFlightAtKills { get; } = new(StringComparer.Ordinal);

    public List<string> Runs { get; } = [];

    public List<string> Crashes { get; } = [];

    public TimeSpan Wall { get; set; }

    public long PeakBytes { get; private set; }

    public int Final { get; private set; }

    public int Lost { get; private set; }

    public List<string> SubmittedTwice { get; } = [];

    public List<string> Uncertain { get; } = [];

    /// <summary>Uncertain images whose job the emulator did create: paid for, the answer lost. The others were never created.</summary>
    public int UncertainCreated { get; private set; }

    /// <summary>Uncertain images that were neither in flight at a kill nor reported as a submit whose answer was lost.</summary>
    public List<string> UnexplainedUncertain { get; } = [];

    public int ResultLines { get; private set; }

    /// <summary>Images the emulator saw that are none of the files (fitting changed the bytes): then its per-image counts would prove nothing.</summary>
    public int ForeignImages { get; private set; }

    public EmulatorStats? Stats { get; private set; }

    public void Note(int run, int exitCode, string stderr, string stdout, long peakBytes, bool killed)
    {
        PeakBytes = Math.Max(PeakBytes, peakBytes);
        Runs.Add(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {(killed ? "SIGKILL" : $"exit {exitCode}")}, peak {peakBytes / 1e6:0} MB"));
        bool crashed = stderr.Contains("Unhandled exception", StringComparison.Ordinal) || stderr.Contains("   at ", StringComparison.Ordinal)
            || (!killed && !Documented.Contains(exitCode));
        if (crashed)
        {
            Crashes.Add($"run {run + 1} (exit {exitCode}):\n{stderr}\n{stdout}");
        }
    }

    public void Settle(JournalView journal, ResultsView results, Dictionary<string, string> hashes, EmulatorStats stats)
    {
        Stats = stats;
        ResultLines = results.Lines;
        var files = new HashSet<string>(hashes.Values, StringComparer.Ordinal);
        ForeignImages = stats.SubmitsByImage.Keys.Count(key => !files.Contains(key));
        foreach ((string image, string hash) in hashes)
        {
            string? last = journal.Last.GetValueOrDefault(image);
            bool final = last is "outcome" or "refused";
            bool resultWritten = results.Outcomes.TryGetValue(image, out string? outcome) && outcome is "succeeded" or "rejected" or "failed" or "refused";
            if (final && resultWritten)
            {
                Final++;
            }
            else if (last == "submitting")
            {
                Uncertain.Add(image);
                UncertainCreated += stats.SubmitsByImage.ContainsKey(hash) ? 1 : 0;
                if (!InFlightAtKills.Contains(image) && !(results.Outcomes.GetValueOrDefault(image) is "uncertain" or "unknown"))
                {
                    UnexplainedUncertain.Add(image);
                }
            }
            else
            {
                Lost++;
            }

            if (stats.SubmitsByImage.TryGetValue(hash, out int submits) && submits > 1)
            {
                SubmittedTwice.Add($"{image} ({submits} submits)");
            }
        }
    }

    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| soak | {Plan.Images:N0} images, {Plan.Kills} SIGKILL, seed {Plan.Seed} |");
        text.AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| faults | {SoakPlan.Faults} ({SoakPlan.FaultShare:P0} of requests) plus a rate limit of {SoakPlan.Rate}/s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| kills at | {string.Join(", ", KillMoments.Select(k => $"{k.TotalSeconds:0.0} s"))} after the run's start |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| images with a final outcome | {Final:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| images lost | {Lost} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| images submitted more than once | {SubmittedTwice.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| uncertain images | {Uncertain.Count} ({Uncertain.Count(InFlightAtKills.Contains)} in flight at a kill, {Uncertain.Count - Uncertain.Count(InFlightAtKills.Contains) - UnexplainedUncertain.Count} a submit whose answer was lost, {UnexplainedUncertain.Count} unexplained); the emulator had created the job of {UncertainCreated} of them (paid, answer lost), none for the other {Uncertain.Count - UncertainCreated} (a 5xx before any work, or killed before the request arrived) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| unhandled exceptions | {Crashes.Count} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| emulator | {Stats?.AcceptedSubmits} submits accepted, {Stats?.RateLimited} refused by the rate limit, {Stats?.Polls} polls |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| wall time | {Wall.TotalSeconds:0} s over {Runs.Count} runs |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| peak memory (RSS of skinlite) | {PeakBytes / 1e6:0} MB |");
        text.AppendLine();
        text.AppendLine(string.Join("; ", Runs));
        return text.ToString();
    }
}
