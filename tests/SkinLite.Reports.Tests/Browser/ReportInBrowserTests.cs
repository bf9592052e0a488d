using PuppeteerSharp;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>
/// The reports in a real headless Chromium, loaded from file:// with the network shut: they render (a screenshot of the
/// expected size with something on it), every image loads, nothing leaves the page, the console stays clean, the index
/// sorts, the print fits A4, and a hostile document's markup stays text.
/// </summary>
public sealed class ReportInBrowserTests(BrowserReports reports, HeadlessChromium chromium) : IClassFixture<BrowserReports>, IClassFixture<HeadlessChromium>
{
    [BrowserFact]
    public async Task The_report_renders_offline_with_every_concern_and_image_and_nothing_leaves_the_page()
    {
        await using ReportPage page = await chromium.OpenAsync(reports.Report);

        Screenshot shot = Screenshot.Measure(await page.ScreenshotAsync());
        Assert.Equal(1280, shot.Width);
        Assert.True(shot.Height >= 900, shot.ToString());
        Assert.True(shot.InkShare > 0.10 && shot.Colours > 50, $"the page looks blank: {shot}");

        ImageState[] images = await page.ImagesAsync();
        Assert.True(images.Length >= reports.Concerns + 4, $"{images.Length} images");
        Assert.All(images, image => Assert.True(image.NaturalWidth > 0, $"'{image.Alt}' did not load"));
        Assert.All(images, image => Assert.False(string.IsNullOrWhiteSpace(image.Alt), "an image without alt text"));
        Assert.Equal(reports.Concerns, await Count(page, "svg.photo"));
        Assert.True(await page.Page.EvaluateExpressionAsync<bool>("Array.from(document.querySelectorAll('svg.photo')).every(s => s.getBoundingClientRect().width > 0)"), "the shared input photo is not drawn in every concern card");

        string[] rows = await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('table tbody tr')).map(r => r.innerText)");
        Assert.Equal(reports.Concerns, rows.Length);
        foreach (string name in reports.ConcernNames)
        {
            Assert.Contains(rows, row => row.Contains(name, StringComparison.Ordinal));
        }

        Assert.Contains("Emulated result", await page.Page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);
        AssertQuiet(page);
    }

    [BrowserFact]
    public async Task The_report_prints_to_one_or_two_A4_pages()
    {
        await using ReportPage page = await chromium.OpenAsync(reports.Report);

        int pages = PdfPages.Count(await page.PrintAsync());

        Assert.InRange(pages, 1, 2);
        AssertQuiet(page);
    }

    [BrowserFact]
    public async Task The_report_fits_a_phone_screen_without_sideways_scrolling()
    {
        await using ReportPage page = await chromium.OpenAsync(reports.Report, width: 390, height: 844);

        int scrollWidth = await page.Page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px screen");
        AssertQuiet(page);
    }

    [BrowserFact]
    public async Task The_batch_index_shows_every_image_links_each_report_and_sorts_by_a_column()
    {
        await using ReportPage page = await chromium.OpenAsync(reports.Index);

        Assert.Equal(reports.IndexRows, await Count(page, "#results tbody tr"));
        ImageState[] thumbnails = await page.ImagesAsync();
        Assert.Equal(reports.Thumbnails, thumbnails.Length);
        Assert.All(thumbnails, image => Assert.True(image.NaturalWidth > 0, $"'{image.Alt}' did not load; requests: {string.Join(", ", page.Requests)}; console: {string.Join(", ", page.ConsoleErrors)}"));
        string[] links = await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
        Assert.Equal(reports.IndexRows - 1, links.Length);
        Assert.All(links, link => Assert.True(File.Exists(new Uri(link).LocalPath), $"{link} leads nowhere"));
        Assert.True(Screenshot.Measure(await page.ScreenshotAsync()).InkShare > 0.05, "the index looks blank");

        int column = await page.Page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('#results thead th')).findIndex(th => th.innerText.trim() === 'Total score')");
        Assert.True(column > 0, "no Total score column");
        await page.Page.ClickAsync($"#results thead th:nth-child({column + 1}) button");
        double?[] ascending = await ColumnAsync(page, column);
        await page.Page.ClickAsync($"#results thead th:nth-child({column + 1}) button");
        double?[] descending = await ColumnAsync(page, column);

        double[] scores = [.. ascending.OfType<double>()];
        Assert.True(scores.Length >= 3, string.Join(", ", ascending));
        Assert.Equal(scores.Order(), scores);
        Assert.Equal(scores.OrderDescending(), descending.OfType<double>());
        Assert.Null(ascending[^1]); // images without a score sort last either way
        Assert.Null(descending[^1]);
        Assert.Equal("descending", await page.Page.EvaluateExpressionAsync<string>($"document.querySelectorAll('#results thead th')[{column}].getAttribute('aria-sort')"));
        Assert.InRange(PdfPages.Count(await page.PrintAsync()), 1, 3);
        AssertQuiet(page);
    }

    [BrowserFact]
    public async Task A_hostile_document_renders_as_inert_text_in_the_report_and_in_the_index()
    {
        foreach (string path in new[] { reports.HostileReport, reports.Index })
        {
            await using ReportPage page = await chromium.OpenAsync(path);

            Assert.Empty(page.Dialogs);
            Assert.Equal(path == reports.Index ? 1 : 0, await Count(page, "script"));
            Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>(
                "Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length"));
            Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>(
                "Array.from(document.querySelectorAll('[href],[src]')).filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src'))).length"));
            Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>("Array.from(document.images).filter(i => i.getAttribute('src') === 'x').length"));
            string text = await page.Page.EvaluateExpressionAsync<string>("document.body.innerText");
            Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
            AssertQuiet(page);
        }
    }

    /// <summary>Nothing asked of the network, no console error (a CSP violation is one), no uncaught error, no dialog.</summary>
    private static void AssertQuiet(ReportPage page)
    {
        Assert.Empty(page.BlockedRequests);
        Assert.All(page.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.Dialogs);
    }

    private static Task<int> Count(ReportPage page, string selector) =>
        page.Page.EvaluateExpressionAsync<int>($"document.querySelectorAll('{selector}').length");

    private static async Task<double?[]> ColumnAsync(ReportPage page, int column)
    {
        string[] values = await page.Page.EvaluateExpressionAsync<string[]>(
            $"Array.from(document.querySelectorAll('#results tbody tr')).map(r => r.cells[{column}].getAttribute('data-sort') || '')");
        return [.. values.Select(value => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out double number) ? number : (double?)null)];
    }
}
