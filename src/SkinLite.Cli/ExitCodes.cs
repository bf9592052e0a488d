using System.Globalization;

namespace SkinLite.Cli;

/// <summary>
/// The process exit codes: an external contract that scripts depend on, documented in the README and in --help.
/// Never renumber one.
/// </summary>
internal static class ExitCodes
{
    public const int Succeeded = 0;

    /// <summary>Usage error or bad local input (preflight failed, file missing): nothing was sent.</summary>
    public const int BadInput = 2;

    /// <summary>The service rejected the image (the HTTP 200 / status_code 422 cases).</summary>
    public const int Rejected = 3;

    /// <summary>The job ended with FAILURE or FAILED.</summary>
    public const int JobFailed = 4;

    /// <summary>The wait ended before the job did (or, for a single fetch, the job has not finished yet).</summary>
    public const int NotFinished = 5;

    /// <summary>The service refused the credential (401 or 403).</summary>
    public const int AuthenticationFailed = 6;

    /// <summary>Any other API, network or protocol error.</summary>
    public const int ServiceError = 7;

    /// <summary>
    /// batch: the run ended with images left to a later run (unfinished, uncertain or not submitted), or stopped
    /// submitting early (the budget, the account's usage limit, a refused key). The summary prints how to resume.
    /// </summary>
    public const int BatchIncomplete = 8;

    /// <summary>Ctrl-C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>What each code means in --help, in the order listed: the one place the help's wording is written.</summary>
    private static readonly (int Code, string Meaning)[] Meanings =
    [
        (Succeeded, "succeeded"),
        (BadInput, "usage error or bad local input (nothing was sent)"),
        (Rejected, "the service rejected the image"),
        (JobFailed, "the analysis job failed"),
        (NotFinished, "timed out, or not finished yet (resume with 'skinlite result')"),
        (AuthenticationFailed, "authentication failed"),
        (ServiceError, "other API, network or protocol error"),
        (BatchIncomplete, "batch: stopped early (budget, usage limit, key) or left images unfinished, uncertain or not submitted (resume it)"),
        (Cancelled, "cancelled by Ctrl-C"),
    ];

    /// <summary>Every code, in the order the table lists them.</summary>
    public static IReadOnlyList<int> All { get; } = [.. Meanings.Select(m => m.Code)];

    /// <summary>
    /// Writes the "Exit codes:" help section for the given codes, one line each in the order of <see cref="All"/>:
    /// every code under the root's --help, only those a command can return under its own.
    /// </summary>
    /// <exception cref="ArgumentException">A code is not one of the constants above.</exception>
    public static void WriteTable(TextWriter output, IReadOnlyList<int> codes)
    {
        foreach (int code in codes)
        {
            if (!All.Contains(code))
            {
                throw new ArgumentException($"{code} is not an exit code of skinlite.", nameof(codes));
            }
        }

        output.WriteLine("Exit codes:");
        foreach ((int code, string meaning) in Meanings)
        {
            if (codes.Contains(code))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-5}{meaning}"));
            }
        }
    }
}
