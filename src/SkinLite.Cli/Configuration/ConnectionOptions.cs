using System.CommandLine;
namespace SkinLite.Cli.Configuration;

/// <summary>
/// The connection options of one command (--app-id, --api, --base-url, --access-key, and --emulator where it makes
/// sense) and how they combine with the environment: an option beats its variable; with neither a key nor a base URL,
/// a command that can (analyze) uses the in-process emulator.
/// </summary>
internal sealed class ConnectionOptions
{
    private readonly Option<string?> _appId = CommonOptions.AppId();
    private readonly Option<SkinLiteApi> _api = CommonOptions.Api();
    private readonly Option<Uri?> _baseUrl = CommonOptions.BaseUrl();
    private readonly Option<string?> _accessKey = CommonOptions.AccessKey();
    private readonly Option<bool> _allowInsecureHttp = new("--allow-insecure-http")
    {
        Description = "Allow a plain http:// base URL on a host other than this machine. Unsafe: the access key crosses the network readable by anyone on the path.",
    };

    private readonly Option<bool> _sendKeyAsIs = new("--send-key-as-is")
    {
        Description = "Send the access key exactly as given instead of base64-encoded (for a key the service expects unencoded).",
    };

    private readonly Option<bool>? _emulator;

    public ConnectionOptions(bool offerEmulator)
    {
        if (offerEmulator)
        {
            _emulator = new Option<bool>("--emulator")
            {
                Description = "Use the built-in emulator even when a key or base URL is configured (synthetic results, nothing leaves the machine).",
            };
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_appId);
        command.Options.Add(_api);
        command.Options.Add(_baseUrl);
        command.Options.Add(_accessKey);
        command.Options.Add(_sendKeyAsIs);
        command.Options.Add(_allowInsecureHttp);
        if (_emulator is not null)
        {
            command.Options.Add(_emulator);
        }
    }

    public SkinLiteApi Api(ParseResult parse) => parse.GetValue(_api);

    /// <exception cref="BadInputException">A setting is missing or malformed; the message names it.</exception>
    public ConnectionSettings Resolve(ParseResult parse)
    {
        SkinLiteApi api = parse.GetValue(_api);
        string? appId = parse.GetValue(_appId) ?? EnvironmentVariables.Get(EnvironmentVariables.AppId);
        string? key = parse.GetValue(_accessKey) ?? EnvironmentVariables.Get(EnvironmentVariables.AccessKey);
        Uri? baseUrl = parse.GetValue(_baseUrl) ?? BaseUrlFromEnvironment();
        bool forced = _emulator is not null && parse.GetValue(_emulator);

        if (forced || (_emulator is not null && key is null && baseUrl is null))
        {
            string reason = forced
                ? "--emulator was given"
                : $"no access key or base URL is configured; set {EnvironmentVariables.AccessKey} and {EnvironmentVariables.AppId} for the real service";
            return new ConnectionSettings(api, appId ?? BuiltInEmulator.AppId, BuiltInEmulator.BaseAddressFor(api), BuiltInEmulator.Credential, UseEmulator: true, reason);
        }

        if (key is null)
        {
            throw new BadInputException(
                $"No access key: pass --access-key or set {EnvironmentVariables.AccessKey}" +
                (_emulator is null ? "." : " (or use --emulator for the built-in emulator)."));
        }

        if (api.UsesScanId() && string.IsNullOrWhiteSpace(appId))
        {
            throw new BadInputException($"The {ApiNames.Of(api)} family needs an application id: pass --app-id or set {EnvironmentVariables.AppId}.");
        }

        if (key.Length < SkinLiteClientOptions.MinimumCredentialLength)
        {
            // The length only: even a fragment of a key is not repeated.
            throw new BadInputException(
                $"The access key (--access-key or {EnvironmentVariables.AccessKey}) is {key.Length} character{(key.Length == 1 ? "" : "s")} long; " +
                $"a key has at least {SkinLiteClientOptions.MinimumCredentialLength} (the service's are 36). Was it cut short, or is it a placeholder?");
        }

        bool allowInsecureHttp = parse.GetValue(_allowInsecureHttp);
        if (baseUrl is not null && !allowInsecureHttp && Routes.IsCleartextOffMachine(baseUrl))
        {
            throw new BadInputException(
                $"The base URL '{baseUrl.GetLeftPart(UriPartial.Authority)}' is plain http to a host that is not this machine: the access key would cross the network unencrypted. " +
                "Use https://, or pass --allow-insecure-http if you truly mean it. Nothing was sent.");
        }

        return new ConnectionSettings(api, appId, baseUrl is null ? null : api.ResolveBaseAddress(baseUrl), key, UseEmulator: false, null, allowInsecureHttp)
        {
            SendKeyAsIs = parse.GetValue(_sendKeyAsIs),
        };
    }

    private static Uri? BaseUrlFromEnvironment()
    {
        string? text = EnvironmentVariables.Get(EnvironmentVariables.BaseUrl);
        if (text is null)
        {
            return null;
        }

        return BaseUrlParser.TryParse(text, out Uri? url, out string error)
            ? url
            : throw new BadInputException($"Invalid {EnvironmentVariables.BaseUrl}: {error}.");
    }
}
