namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// Finds the system's Chromium: SKINLITE_CHROMIUM, else the Debian and common install paths (Debian's binary itself
/// before its /usr/bin launcher script, whose shell checks print errors PuppeteerSharp takes for a failed start). The browser tests never
/// download a browser (there is no network); .ci/run installs the distribution's chromium package.
/// </summary>
internal static class ChromiumLocator
{
    /// <summary>Set to 1 (as .ci/run does) to fail, rather than skip, the browser tests when no Chromium is found.</summary>
    public const string RequireVariable = "SKINLITE_REQUIRE_BROWSER";

    private static readonly string[] KnownPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? Path { get; } = Find();

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("SKINLITE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return KnownPaths.FirstOrDefault(File.Exists);
    }
}
