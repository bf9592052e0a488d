using System.CommandLine;
using System.Net.Sockets;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Emulator;
using SkinLite.Emulator.Server;

namespace SkinLite.Cli.Commands;

/// <summary><c>skinlite emulator</c>: serve the emulated Skin Analysis API on 127.0.0.1 until Ctrl-C.</summary>
internal static class EmulatorCommand
{
    public const int DefaultPort = 5080;

    /// <summary>Stopped by Ctrl-C or SIGTERM (0), or a bad option or a port it cannot listen on (2).</summary>
    public static IReadOnlyList<int> ExitCodesReturned { get; } = [ExitCodes.Succeeded, ExitCodes.BadInput];

    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on, on 127.0.0.1 only (0 picks a free one).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 65535)
            {
                result.AddError($"Invalid --port {value}: use 0 to 65535.");
            }
        });
        var credential = new Option<string?>("--credential")
        {
            Description = $"The access key the emulator accepts, base64-encoded or as given (default {SkinAnalysisEmulator.DefaultCredential}).",
            HelpName = "key",
        };
        var latency = new Option<TimeSpan?>("--latency")
        {
            Description = "Extra delay on every answer, e.g. 200ms.",
            HelpName = "duration",
            CustomParser = CommonOptions.ParseDurationOrZero,
        };
        var processing = new Option<TimeSpan?>("--processing-time")
        {
            Description = "How long a job stays ACCEPTED/PROCESSING (default 3s; 0s: done at once).",
            HelpName = "duration",
            CustomParser = CommonOptions.ParseDurationOrZero,
        };
        var faults = new Option<string?>("--faults")
        {
            Description = "Faults to inject: a sequence such as 429,ok,503, or rates such as 503=0.1,slow=0.1.",
            HelpName = "plan",
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Seeds the fault draws and ids, so a run with fault rates can be repeated exactly (default 0).",
            HelpName = "N",
            CustomParser = static result =>
            {
                string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int value))
                {
                    return value;
                }

                result.AddError($"Invalid --seed value: '{text}' is not a whole number.");
                return null;
            },
        };
        var rate = new Option<double?>("--rate")
        {
            Description = "Submits allowed per second or minute, e.g. 5/s or 300/min; beyond it a submit gets 429 with Retry-After (default unlimited).",
            HelpName = "N/s|N/min",
            CustomParser = static result =>
            {
                string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (TryParseRate(text, out double perSecond))
                {
                    return perSecond;
                }

                result.AddError($"Invalid --rate '{text}': expected N/s or N/min with N a positive number (at most {EmulatorOptions.MaxSubmitRate}/s), e.g. 5/s or 300/min.");
                return null;
            },
        };
        var quota = new Option<int?>("--quota")
        {
            Description = "Accepted submits allowed over the emulator's lifetime; then submits get the service's 403 Usage Limit Exceeded (default none; 0 refuses every submit).",
            HelpName = "N",
            CustomParser = static result =>
            {
                string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value))
                {
                    return value;
                }

                result.AddError($"Invalid --quota '{text}': expected a whole number of accepted submits, 0 or more (0 refuses every submit).");
                return null;
            },
        };
        var command = new Command("emulator", "Run the emulated Skin Analysis API on 127.0.0.1 until Ctrl-C or SIGTERM, either of which ends it successfully.");
        command.Options.Add(port);
        command.Options.Add(credential);
        command.Options.Add(latency);
        command.Options.Add(processing);
        command.Options.Add(faults);
        command.Options.Add(seed);
        command.Options.Add(rate);
        command.Options.Add(quota);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            () => RunAsync(
                parse.GetValue(port),
                Options(parse.GetValue(credential), parse.GetValue(latency), parse.GetValue(processing), parse.GetValue(faults), parse.GetValue(seed), parse.GetValue(rate), parse.GetValue(quota)),
                cancellationToken),
            cancellationToken));
        return command;
    }

    /// <summary>
    /// Reads <c>N/s</c> or <c>N/min</c> (N a positive decimal number, no sign or exponent; the unit in any case) as
    /// submits per second, within <see cref="EmulatorOptions.MinSubmitRate"/> and <see cref="EmulatorOptions.MaxSubmitRate"/>.
    /// </summary>
    internal static bool TryParseRate(string text, out double perSecond)
    {
        perSecond = 0;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        double seconds = text[(slash + 1)..].Trim().ToUpperInvariant() switch
        {
            "S" => 1,
            "MIN" => 60,
            _ => 0,
        };
        if (seconds == 0 ||
            !double.TryParse(text[..slash].Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double count) ||
            !(count > 0))
        {
            return false;
        }

        perSecond = count / seconds;
        return perSecond is >= EmulatorOptions.MinSubmitRate and <= EmulatorOptions.MaxSubmitRate;
    }

    private static EmulatorOptions Options(string? credential, TimeSpan? latency, TimeSpan? processing, string? faults, int? seed, double? rate, int? quota)
    {
        var options = new EmulatorOptions { Seed = seed ?? 0, SubmitRate = rate, Quota = quota };
        if (credential is not null)
        {
            options.Credential = credential;
        }

        if (latency is { } extra)
        {
            options.Latency = extra;
        }

        if (processing is { } time)
        {
            options.ProcessingTime = time;
        }

        if (faults is not null)
        {
            try
            {
                options.Faults = FaultPlan.Parse(faults);
            }
            catch (FormatException ex)
            {
                throw new BadInputException($"Invalid --faults '{faults}': {ex.Message}");
            }
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new BadInputException(ex.Message);
        }

        return options;
    }

    private static async Task<int> RunAsync(int port, EmulatorOptions options, CancellationToken cancellationToken)
    {
        using var emulator = new SkinAnalysisEmulator(options);
        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(emulator, port, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadInputException($"Cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }

        await using (server.ConfigureAwait(false))
        {
            // The first stdout line is the address, so that scripts (and the tests) can read it with --port 0.
            Console.Out.WriteLine($"SkinLite emulator listening on {server.BaseAddress}");
            Console.Out.Flush();
            // Only the well-known default key is echoed: a key the user chose is theirs to keep off the screen.
            string key = options.Credential == SkinAnalysisEmulator.DefaultCredential ? options.Credential : "<the --credential value>";
            // Everything after the colon is the command, complete as it stands (the private family needs an app id),
            // so that it works when copied with <image> filled in.
            Terminal.Error($"Ctrl-C stops it. Use it with: skinlite analyze <image> --base-url {server.BaseAddress} --access-key {key} --app-id {SkinAnalysisEmulator.DefaultAppId}");
            if (options.SubmitRate is > 0 and var rate)
            {
                Terminal.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Submit rate: at most {rate:0.######} per second; beyond it 429 with Retry-After."));
            }

            if (options.Quota is { } quota)
            {
                Terminal.Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Quota: {quota} accepted submits; then 403 Usage Limit Exceeded (JR-1000)."));
            }

            Terminal.Error($"Counters: GET {new Uri(server.BaseAddress, SkinAnalysisEmulator.StatsPath)} with the same bearer.");
            try
            {
                await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        Terminal.Error("Emulator stopped.");
        return ExitCodes.Succeeded;
    }
}
