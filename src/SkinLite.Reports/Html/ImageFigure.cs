namespace SkinLite.Reports.Html;

/// <summary>
/// An image with its caption, or in its place a box saying why it is missing. The service's URL, when there is one, is
/// only ever shown as escaped text in the caption of a missing image, never as a link or a source.
/// </summary>
internal static class ImageFigure
{
    /// <param name="html">The page.</param>
    /// <param name="image">The image, or why it is missing.</param>
    /// <param name="alt">What the image shows, for screen readers (and when it cannot be displayed).</param>
    /// <param name="caption">A few words under the image.</param>
    /// <param name="url">The document's URL of the image, shown as text only when the image is missing.</param>
    public static void Write(HtmlWriter html, ReportImage image, string alt, string caption, string? url)
    {
        html.Raw("<figure>");
        if (image.DataUri is { } source)
        {
            // A data: URI of a sniffed image: base64 and a media type from ImageSniffer, nothing to escape.
            html.Raw("<img src=\"").Raw(source).Raw("\" alt=\"").Text(alt, HtmlText.LongLimit).Raw("\" decoding=\"async\">");
        }
        else
        {
            html.Raw("<div class=\"placeholder\" role=\"img\" aria-label=\"").Text(alt, HtmlText.LongLimit).Raw(": ")
                .Text(image.Missing).Raw("\">").Text(image.Missing).Raw("</div>");
        }

        html.Raw("<figcaption>").Text(caption);
        if (image.DataUri is null && !string.IsNullOrEmpty(url))
        {
            html.Raw("<br><span class=\"url\">").Text(url, 300).Raw("</span>");
        }

        html.Raw("</figcaption></figure>");
    }
}
