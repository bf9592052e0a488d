using SkinLite.Cli.Configuration;

namespace SkinLite.Cli.Output;

/// <summary>The command that picks a job up again, printed on a timeout or a Ctrl-C. It never includes the access key.</summary>
internal static class ResumeHint
{
    /// <param name="outputs">Options the resumed command needs to write what this one was asked to (--save DIR, --report...).</param>
    public static string For(ConnectionSettings settings, JobIds ids, IEnumerable<string>? outputs = null)
    {
        if (settings.UseEmulator)
        {
            return "The built-in emulator's jobs end with this process: run 'skinlite analyze' again, perhaps with a longer --timeout.";
        }

        return "Resume with: " + Command(settings, ids, ["--wait", .. outputs ?? []]);
    }

    /// <summary>The result command for a job, with <paramref name="options"/> after its ids.</summary>
    public static string Command(ConnectionSettings settings, JobIds ids, IEnumerable<string> options)
    {
        var command = new List<string> { "skinlite", "result" };
        if (settings.Api.UsesScanId())
        {
            command.Add(Quote(ids.ScanId ?? "<scanId>"));
        }

        command.Add(Quote(ids.PredictionId ?? "<predictionId>"));
        command.AddRange(options);
        if (settings.Api != ApiNames.Default)
        {
            command.Add("--api");
            command.Add(ApiNames.Of(settings.Api));
        }

        if (settings.Api.UsesScanId() && ids.AppId is not null)
        {
            command.Add("--app-id");
            command.Add(Quote(ids.AppId));
        }

        if (settings.BaseAddress is not null)
        {
            command.Add("--base-url");
            command.Add(Quote(settings.BaseAddress.ToString()));
        }

        if (settings.SendKeyAsIs)
        {
            command.Add("--send-key-as-is");
        }

        if (settings.AllowInsecureHttp)
        {
            command.Add("--allow-insecure-http");
        }

        return string.Join(' ', command);
    }

    internal static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
