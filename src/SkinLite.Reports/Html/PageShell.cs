using System.Globalization;

namespace SkinLite.Reports.Html;

/// <summary>
/// What every page has around its content: the policy as the head's first element, the viewport for phones, the title,
/// the one stylesheet, and (index only) the one script at the end of the body, where the table it sorts exists.
/// </summary>
internal static class PageShell
{
    public static void Open(HtmlWriter html, string title, bool withScript)
    {
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
            .Raw(ContentSecurityPolicy.For(ReportStylesheet.Css, withScript ? SortScript.Js : null, allowRelativeImages: withScript))
            .Raw("\">\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"SkinLite.Reports\">\n<title>")
            .Text(title)
            .Raw("</title>\n<style>")
            .Raw(ReportStylesheet.Css)
            .Raw("</style>\n</head>\n<body>\n<main>\n");
    }

    public static void Close(HtmlWriter html, ReportOptions options, bool withScript)
    {
        html.Raw("<footer><p>Made by SkinLite.Reports from the saved result of the skin-analysis service");
        if (options.GeneratedAt is { } generated)
        {
            html.Raw(" on ").Text(generated.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture));
        }

        html.Raw(". The scores are the service's, not a medical assessment.</p></footer>\n</main>\n");
        if (withScript)
        {
            html.Raw("<script>").Raw(SortScript.Js).Raw("</script>\n");
        }

        html.Raw("</body>\n</html>\n");
    }
}
