using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using SkinLite.Cli.Commands;
using SkinLite.Cli.Output;

namespace SkinLite.Cli;

/// <summary>
/// The command tree and the process-level rules: a usage error is exit 2 with one line on stderr (System.CommandLine's
/// own default is 1 and a page of help), and Ctrl-C cancels the running command instead of killing the process, so
/// that it can print how to resume.
/// </summary>
internal static class CliApplication
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "skinlite: analyze face images with the Pixelbin/GlamAR Skin Analysis API.\n" +
            "With no access key and no base URL configured, analyze uses a built-in emulator.\n\n" +
            "Environment: SKINLITE_ACCESS_KEY, SKINLITE_APP_ID, SKINLITE_BASE_URL (options override them).\n\n" +
            ExitCodes.HelpText)
        {
            AnalyzeCommand.Create(),
            ResultCommand.Create(),
            CheckCommand.Create(),
            ShowCommand.Create(),
            EmulatorCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ParseResult parse = CreateRoot().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            string command = parse.CommandResult.Command is RootCommand ? "skinlite" : "skinlite " + parse.CommandResult.Command.Name;
            // A mistyped command also leaves "required command was not provided"; the unknown word is the useful part.
            string first = parse.UnmatchedTokens.Count > 0 ? $"Unknown command or argument '{parse.UnmatchedTokens[0]}'"
                : parse.Errors.Count > 0 ? parse.Errors[0].Message
                : "Invalid command line";
            Terminal.Error($"{first.TrimEnd('.')}. See '{command} --help'.");
            return ExitCodes.BadInput;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C asks the command to stop and report; a second one ends the process the usual way.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // A service manager's stop (SIGTERM) ends `skinlite emulator` or a wait the same orderly way as Ctrl-C.
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
