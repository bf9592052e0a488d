namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// A fact run in headless Chromium: skipped with the reason when no browser is installed, unless
/// <see cref="ChromiumLocator.RequireVariable"/> demands one (CI), in which case it runs and fails.
/// </summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumLocator.Path is null && !ChromiumLocator.Required)
        {
            Skip = "no Chromium installed (apt-get install chromium, or set SKINLITE_CHROMIUM); set SKINLITE_REQUIRE_BROWSER=1 to fail instead";
        }
    }
}
