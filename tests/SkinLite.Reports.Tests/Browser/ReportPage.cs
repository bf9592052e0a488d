using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// A report loaded from file:// in an offline page. Every request is intercepted: local files and data: URIs go on,
/// anything else is aborted and kept in <see cref="BlockedRequests"/>. Console errors, uncaught page errors and dialogs
/// (an alert() from an injected script) are kept, so a test can assert that the page did nothing it should not.
/// </summary>
public sealed class ReportPage : IAsyncDisposable
{
    private readonly List<string> _requests = [];
    private readonly List<string> _blocked = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _dialogs = [];

    private ReportPage(IPage page) => Page = page;

    public IPage Page { get; }

    public IReadOnlyList<string> Requests => Snapshot(_requests);

    public IReadOnlyList<string> BlockedRequests => Snapshot(_blocked);

    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    public IReadOnlyList<string> Dialogs => Snapshot(_dialogs);

    public static async Task<ReportPage> OpenAsync(IBrowser browser, string path, int width, int height)
    {
        IPage page = await browser.NewPageAsync().ConfigureAwait(false);
        var report = new ReportPage(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height }).ConfigureAwait(false);
        await page.SetOfflineModeAsync(true).ConfigureAwait(false);
        await page.SetRequestInterceptionAsync(true).ConfigureAwait(false);
        page.Request += report.OnRequest;
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                report.Add(report._consoleErrors, e.Message.Text);
            }
        };
        page.PageError += (_, e) => report.Add(report._pageErrors, e.Message);
        page.Dialog += async (_, e) =>
        {
            report.Add(report._dialogs, $"{e.Dialog.DialogType}: {e.Dialog.Message}");
            await e.Dialog.Dismiss().ConfigureAwait(false);
        };

        await page.GoToAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri, WaitUntilNavigation.Load).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// Every &lt;img&gt; of the page once each has finished (loaded or failed; the index's thumbnails load lazily, after
    /// the page's load event): its alt text and natural width (0 when it did not load).
    /// </summary>
    public async Task<ImageState[]> ImagesAsync()
    {
        await Page.WaitForFunctionAsync("() => Array.from(document.images).every(i => i.complete)", new WaitForFunctionOptions { Timeout = 10_000 }).ConfigureAwait(false);
        return await Page.EvaluateExpressionAsync<ImageState[]>("Array.from(document.images).map(i => ({ alt: i.alt, naturalWidth: i.naturalWidth }))").ConfigureAwait(false);
    }

    /// <summary>A full-page PNG screenshot.</summary>
    public Task<byte[]> ScreenshotAsync() => Page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });

    /// <summary>The page printed to an A4 PDF as a browser's print dialog would, backgrounds included.</summary>
    public Task<byte[]> PrintAsync() => Page.PdfDataAsync(new PdfOptions { Format = PaperFormat.A4, PrintBackground = true });

    public async ValueTask DisposeAsync() => await Page.CloseAsync().ConfigureAwait(false);

    private async void OnRequest(object? sender, RequestEventArgs e)
    {
        string url = e.Request.Url;
        Add(_requests, url);
        try
        {
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync().ConfigureAwait(false);
            }
            else
            {
                Add(_blocked, url);
                await e.Request.AbortAsync().ConfigureAwait(false);
            }
        }
        catch (PuppeteerException)
        {
            // The page went away while the request was pending; nothing to answer.
        }
    }

    private void Add(List<string> list, string item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    private static string[] Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}

/// <summary>An image as the page has it.</summary>
public sealed class ImageState
{
    public string Alt { get; set; } = "";

    public int NaturalWidth { get; set; }
}
