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

    /// <summary>Ctrl-C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>The table printed under --help and mirrored in the README.</summary>
    public const string HelpText =
        """
        Exit codes:
          0    succeeded
          2    usage error or bad local input (nothing was sent)
          3    the service rejected the image
          4    the analysis job failed
          5    timed out, or not finished yet (resume with 'skinlite result')
          6    authentication failed
          7    other API, network or protocol error
          130  cancelled by Ctrl-C
        """;
}
