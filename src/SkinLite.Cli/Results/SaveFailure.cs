namespace SkinLite.Cli.Results;

/// <summary>
/// Why a save failed, in one phrase for stderr. A save runs after the analysis is paid for and printed, so whatever it
/// throws is reported and never decides the exit code: the disk and the document are the expected causes (their message
/// says it all), anything else is named with its type so that a bug is still recognisable.
/// </summary>
internal static class SaveFailure
{
    public static string Describe(Exception error) => error is IOException or UnauthorizedAccessException or InvalidDataException
        ? error.Message
        : $"unexpected {error.GetType().Name}: {error.Message}";

    /// <summary>Whether the exception is the user's Ctrl-C (then the command stops; anything else is only reported).</summary>
    public static bool IsCancellation(Exception error, CancellationToken cancellationToken) =>
        error is OperationCanceledException && cancellationToken.IsCancellationRequested;
}
