namespace SkinLite.Cli.Output;

/// <summary>
/// Prints an outcome the way the user asked: with --json, exactly one object on stdout whatever the outcome; otherwise
/// the human report on stdout for a success and one line on stderr for anything else. Returns the exit code.
/// </summary>
internal sealed class OutcomePrinter(bool json)
{
    /// <summary>What fitting did, when analyze fitted the image: printed under <c>fit</c> with --json.</summary>
    public FitDocument? Fit { get; set; }

    public int Print(OutcomeReport report)
    {
        report.Fit ??= Fit;
        if (json)
        {
            JsonRenderer.Render(Console.Out, report);
            if (report.JobMayExist)
            {
                // Money is at stake: a person watching a script's run sees it too, not only the script.
                Terminal.Error(Describe(report));
            }
        }
        else if (report.Outcome == OutcomeReport.Succeeded)
        {
            new HumanRenderer(Console.Out, Terminal.StdoutHasColor).Render(report);
        }
        else
        {
            Terminal.Error(Describe(report));
        }

        return report.ExitCode;
    }

    private static string Describe(OutcomeReport report) => report.Outcome switch
    {
        OutcomeReport.Rejected => $"The service rejected the image ({report.Reason}): {report.Message}",
        OutcomeReport.Failed => $"The analysis job failed (status {EchoedText.Clip(report.Status ?? "none")}): {report.Message ?? "the service gave no reason"}",
        OutcomeReport.Timeout => report.Message ?? "The wait timed out.",
        OutcomeReport.Unknown => report.Message ?? SkinLiteException.JobMayExistNote,
        _ => $"The job has not finished yet (status {EchoedText.Clip(report.Status ?? "none")}).",
    };
}
