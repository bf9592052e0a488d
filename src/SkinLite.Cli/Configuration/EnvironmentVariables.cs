namespace SkinLite.Cli.Configuration;

/// <summary>The environment variables that stand in for options a user should not retype (or leave in shell history).</summary>
internal static class EnvironmentVariables
{
    public const string AccessKey = "SKINLITE_ACCESS_KEY";
    public const string AppId = "SKINLITE_APP_ID";
    public const string BaseUrl = "SKINLITE_BASE_URL";

    /// <summary>An unset and an empty variable mean the same: not configured.</summary>
    public static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
