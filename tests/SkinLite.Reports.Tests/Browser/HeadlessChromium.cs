using PuppeteerSharp;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests of a class, launched from the system's binary with every way to the
/// network shut: the host resolver maps every name to nowhere, a dead proxy takes what is left, and the pages run
/// offline with every request intercepted (<see cref="ReportPage"/>).
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (ChromiumLocator.Path is null)
        {
            if (ChromiumLocator.Required)
            {
                throw new InvalidOperationException($"{ChromiumLocator.RequireVariable}=1 but no Chromium was found: apt-get install -y chromium, or set SKINLITE_CHROMIUM.");
            }

            return; // every test of the class is skipped
        }

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumLocator.Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=\"MAP * ~NOTFOUND\"", // quoted: PuppeteerSharp joins the arguments into one command line
                "--proxy-server=127.0.0.1:9",
            ],
        }).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
            await _browser.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Opens a report file offline, recording what it asks for and says.</summary>
    public Task<ReportPage> OpenAsync(string path, int width = 1280, int height = 900) => ReportPage.OpenAsync(Browser, path, width, height);
}
