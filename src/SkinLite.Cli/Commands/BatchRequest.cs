using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Cli.Results;
using SkinLite.Imaging;

namespace SkinLite.Cli.Commands;

/// <summary>What <c>skinlite batch</c> was asked to do, after parsing; also the command line that resumes it.</summary>
/// <param name="Input">The folder, list file or <c>-</c>, as given.</param>
/// <param name="Out">The --out folder, as given.</param>
/// <param name="Settings">The connection.</param>
/// <param name="Concurrency">--concurrency, if given.</param>
/// <param name="MaxAnalyses">--max-analyses, if given.</param>
/// <param name="MaxCredits">--max-credits, if given.</param>
/// <param name="Resume">--resume.</param>
/// <param name="ResubmitUncertain">--resubmit-uncertain.</param>
/// <param name="Grace">--grace, or the default.</param>
/// <param name="Fit">How to fit; <see langword="null"/> with --no-fit.</param>
/// <param name="Save">--save, as given; <see langword="null"/> without it.</param>
/// <param name="Report">--report.</param>
/// <param name="Json">--json.</param>
/// <param name="Quiet">--quiet.</param>
internal sealed record BatchRequest(
    string Input,
    string Out,
    ConnectionSettings Settings,
    int? Concurrency,
    int? MaxAnalyses,
    int? MaxCredits,
    bool Resume,
    bool ResubmitUncertain,
    TimeSpan Grace,
    ImageFitOptions? Fit,
    string? Save,
    bool Report,
    bool Json,
    bool Quiet)
{
    /// <summary>
    /// The command that picks this batch up where it stopped: the same input, folder and settings, with --resume. Never
    /// the access key, and not --resubmit-uncertain, which is the user's decision to pay twice. The budget is per run,
    /// so it is repeated as given.
    /// </summary>
    public string ResumeCommand()
    {
        var command = new List<string> { "skinlite", "batch", ResumeHint.Quote(Input), "--out", ResumeHint.Quote(Out), "--resume" };
        if (Fit is null)
        {
            command.Add("--no-fit");
        }
        else if (Fit.KeepMetadata)
        {
            command.Add("--keep-metadata");
        }

        if (Save is not null)
        {
            command.Add(SaveOptions.SaveName);
            command.Add(ResumeHint.Quote(Save));
        }

        if (Report)
        {
            command.Add(SaveOptions.ReportName);
        }

        AddCount(command, "--concurrency", Concurrency);
        AddCount(command, "--max-analyses", MaxAnalyses);
        AddCount(command, "--max-credits", MaxCredits);
        if (Settings.UseEmulator)
        {
            if (Settings.EmulatorReason?.StartsWith("--emulator", StringComparison.Ordinal) == true)
            {
                command.Add("--emulator");
            }
        }
        else
        {
            if (Settings.Api != ApiNames.Default)
            {
                command.Add("--api");
                command.Add(ApiNames.Of(Settings.Api));
            }

            if (Settings.AppId is not null)
            {
                command.Add("--app-id");
                command.Add(ResumeHint.Quote(Settings.AppId));
            }

            if (Settings.BaseAddress is not null)
            {
                command.Add("--base-url");
                command.Add(ResumeHint.Quote(Settings.BaseAddress.ToString()));
            }

            if (Settings.SendKeyAsIs)
            {
                command.Add("--send-key-as-is");
            }

            if (Settings.AllowInsecureHttp)
            {
                command.Add("--allow-insecure-http");
            }
        }

        string line = string.Join(' ', command);
        return Input == "-" ? "(the same paths on stdin) | " + line : line;
    }

    /// <summary>Where the analyses are saved: --save, or with --report alone a <c>saved</c> folder inside --out.</summary>
    public string? SaveFolderPath => Save ?? (Report ? Path.Combine(Out, BatchReport.DefaultSaveFolder) : null);

    private static void AddCount(List<string> command, string name, int? value)
    {
        if (value is { } number)
        {
            command.Add(name);
            command.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
