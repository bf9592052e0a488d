using SkinLite.Cli.Output;

namespace SkinLite.Cli.Commands;

/// <summary>
/// Runs a command body and turns whatever escapes it into one line on stderr and its exit code, so that every command
/// reports errors alike and no stack trace reaches the user.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.Error("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            (int code, string message) = Classify(ex);
            Terminal.Error(message);
            return code;
        }
    }

    /// <summary>The exit code and message of an error. The library's messages never contain the access key.</summary>
    public static (int Code, string Message) Classify(Exception error) => error switch
    {
        BadInputException => (ExitCodes.BadInput, error.Message),
        SkinLitePreflightException preflight => (ExitCodes.BadInput, $"{preflight.Message} Nothing was sent."),
        SkinLiteUsageLimitException => (ExitCodes.ServiceError, $"The account's usage limit is used up, so the service made no analysis: {error.Message} Raise the plan's limit or wait for it to reset."),
        SkinLiteAuthenticationException => (ExitCodes.AuthenticationFailed, $"Authentication failed: {ForTheCommandLine(error.Message)}"),
        SkinLiteTransportException => (ExitCodes.ServiceError, $"Could not reach the service: {error.Message}"),
        SkinLiteException => (ExitCodes.ServiceError, error.Message),
        // The library refuses bad arguments (an unsafe id, an empty file) before sending anything.
        ArgumentException argument => (ExitCodes.BadInput, WithoutParameterName(argument)),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.BadInput, error.Message),
        IOException => (ExitCodes.BadInput, error.Message),
        _ => (ExitCodes.ServiceError, $"Unexpected error: {error.GetType().Name}: {error.Message}"),
    };

    /// <summary>The library's 401 hint names its C# option; on the command line that option is a flag.</summary>
    private const string LibraryKeyHint = "Check the access key (it is sent base64-encoded unless SendCredentialAsIs is set).";

    private const string CliKeyHint = "Check the access key (it is sent base64-encoded unless --send-key-as-is is given).";

    private static string ForTheCommandLine(string message) => message.Replace(LibraryKeyHint, CliKeyHint, StringComparison.Ordinal);

    /// <summary>The message without the " (Parameter 'x')" that .NET appends: the parameter is the library's, not the user's.</summary>
    private static string WithoutParameterName(ArgumentException error) =>
        error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal);
}
