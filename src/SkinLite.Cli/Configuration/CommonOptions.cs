using System.CommandLine;
using System.CommandLine.Parsing;

namespace SkinLite.Cli.Configuration;

/// <summary>
/// The options shared by the commands that talk to the service. Values are checked while parsing, so that a bad one is a
/// usage error (exit 2) with a message that names it, before any connection is made.
/// </summary>
internal static class CommonOptions
{
    public static Option<string?> AppId() => new("--app-id")
    {
        Description = $"The application id (env {EnvironmentVariables.AppId}). Required by the private and platform families on the real service.",
        HelpName = "id",
    };

    public static Option<SkinLiteApi> Api() => new("--api")
    {
        Description = $"The route family: {ApiNames.List} (default {ApiNames.Of(ApiNames.Default)}).",
        HelpName = "family",
        CustomParser = ParseApi,
    };

    public static Option<Uri?> BaseUrl() => new("--base-url")
    {
        Description = $"The service's base URL (env {EnvironmentVariables.BaseUrl}); a bare host gets the family's path appended.",
        HelpName = "url",
        CustomParser = ParseBaseUrl,
    };

    public static Option<string?> AccessKey() => new("--access-key")
    {
        Description = $"The access key (prefer env {EnvironmentVariables.AccessKey}: options end up in shell history).",
        HelpName = "key",
    };

    public static Option<TimeSpan?> Timeout(string description) => new("--timeout")
    {
        Description = description,
        HelpName = "duration",
        CustomParser = ParseDuration,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print exactly one JSON object on stdout (camelCase field names) instead of the human report.",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print no progress on stderr.",
    };

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/>, refused while parsing otherwise (exit 2, nothing sent).</summary>
    public static Option<int?> WholeNumber(string name, string description, int min, int max = int.MaxValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
            {
                return value;
            }

            string range = max == int.MaxValue ? $"{min} or more" : $"from {min} to {max}";
            result.AddError($"Invalid {name} '{text}': expected a whole number {range}.");
            return null;
        },
    };

    /// <summary>A duration longer than zero (a timeout, an interval).</summary>
    public static TimeSpan? ParseDuration(ArgumentResult result) => ParseDuration(result, allowZero: false);

    /// <summary>A duration of zero or more (the emulator's processing time and latency, where 0 means at once).</summary>
    public static TimeSpan? ParseDurationOrZero(ArgumentResult result) => ParseDuration(result, allowZero: true);

    private static TimeSpan? ParseDuration(ArgumentResult result, bool allowZero)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (!DurationParser.TryParse(text, out TimeSpan duration, out string error) || duration < TimeSpan.Zero || (duration == TimeSpan.Zero && !allowZero))
        {
            result.AddError($"Invalid {OptionName(result)} value: {(error.Length > 0 ? error : $"'{text}' must be longer than zero")}.");
            return null;
        }

        return duration;
    }

    private static SkinLiteApi ParseApi(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return ApiNames.Default;
        }

        string text = result.Tokens[0].Value;
        if (!ApiNames.TryParse(text, out SkinLiteApi api))
        {
            result.AddError($"Unknown --api '{text}': use {ApiNames.List}.");
        }

        return api;
    }

    private static Uri? ParseBaseUrl(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        if (!BaseUrlParser.TryParse(result.Tokens[0].Value, out Uri? url, out string error))
        {
            result.AddError($"Invalid --base-url: {error}.");
        }

        return url;
    }

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : "duration";
}
