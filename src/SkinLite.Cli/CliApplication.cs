using System.CommandLine;
using System.CommandLine.Help;
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
            "Environment: SKINLITE_ACCESS_KEY, SKINLITE_APP_ID, SKINLITE_BASE_URL (options override them).");
        var exitCodes = new Dictionary<Command, IReadOnlyList<int>> { [root] = ExitCodes.All };
        foreach ((Command command, IReadOnlyList<int> codes) in new (Command, IReadOnlyList<int>)[]
        {
            (AnalyzeCommand.Create(), AnalyzeCommand.ExitCodesReturned),
            (BatchCommand.Create(), BatchCommand.ExitCodesReturned),
            (ResultCommand.Create(), ResultCommand.ExitCodesReturned),
            (CheckCommand.Create(), CheckCommand.ExitCodesReturned),
            (FitCommand.Create(), FitCommand.ExitCodesReturned),
            (ShowCommand.Create(), ShowCommand.ExitCodesReturned),
            (ReportCommand.Create(), ReportCommand.ExitCodesReturned),
            (EmulatorCommand.Create(), EmulatorCommand.ExitCodesReturned),
        })
        {
            root.Subcommands.Add(command);
            exitCodes.Add(command, codes);
        }

        Command help = CreateHelpCommand(root);
        root.Subcommands.Add(help);
        exitCodes.Add(help, [ExitCodes.Succeeded, ExitCodes.BadInput]);

        AddExitCodesToHelp(root, exitCodes);
        return root;
    }

    /// <summary>
    /// <c>skinlite help [command]</c>: the same page as <c>skinlite [command] --help</c>, which it produces by parsing
    /// exactly that, so the two can never differ.
    /// </summary>
    private static Command CreateHelpCommand(RootCommand root)
    {
        var topic = new Argument<string?>("command")
        {
            Description = "The command to show help for; without one, the overview.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var help = new Command("help", "Show help for skinlite or for one command (the same as --help).") { topic };
        help.SetAction(parse =>
        {
            string? name = parse.GetValue(topic);
            if (name is null)
            {
                return root.Parse(["--help"]).Invoke(parse.InvocationConfiguration);
            }

            if (!root.Subcommands.Any(command => command.Name == name))
            {
                Terminal.Error($"Unknown command '{name}'. See 'skinlite --help'.");
                return ExitCodes.BadInput;
            }

            return root.Parse([name, "--help"]).Invoke(parse.InvocationConfiguration);
        });
        return help;
    }

    /// <summary>
    /// Ends each help page with an "Exit codes:" section: the whole table under the root's --help, and under a
    /// command's only the codes that command can return. A section of its own rather than part of a description,
    /// which the root's list of commands would repeat.
    /// </summary>
    private static void AddExitCodesToHelp(RootCommand root, IReadOnlyDictionary<Command, IReadOnlyList<int>> exitCodes)
    {
        HelpOption option = root.Options.OfType<HelpOption>().Single();
        option.Action = new HelpWithExitCodes(
            option.Action as HelpAction ?? throw new InvalidOperationException("The root's help option has no help action."),
            exitCodes);
    }

    /// <summary>System.CommandLine's own help, then the exit codes of the command it was asked about.</summary>
    private sealed class HelpWithExitCodes(HelpAction help, IReadOnlyDictionary<Command, IReadOnlyList<int>> exitCodes) : SynchronousCommandLineAction
    {
        /// <summary>As the help it extends: <c>skinlite analyze --help</c> shows help even without the image argument.</summary>
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            int code = help.Invoke(parseResult);
            if (exitCodes.TryGetValue(parseResult.CommandResult.Command, out IReadOnlyList<int>? codes))
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                ExitCodes.WriteTable(output, codes);
                output.WriteLine();
            }

            return code;
        }
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
