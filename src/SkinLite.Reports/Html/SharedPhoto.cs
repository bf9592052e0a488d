namespace SkinLite.Reports.Html;

/// <summary>
/// The input photo, shown beside every concern's image, embedded once more for all of them rather than once per
/// concern: an SVG <c>&lt;image&gt;</c> in a hidden definition, drawn by a <c>&lt;use&gt;</c> in each card. With ten
/// concerns and a 2 MB photo that is the difference between a page of 4 MB and one of 27 MB, which no mail server
/// takes. The frame is square (the service asks for square-ish photos of 1024 to 2048 pixels) and the photo is fitted
/// inside it, never cropped.
/// </summary>
internal static class SharedPhoto
{
    private const string Id = "input-photo";

    /// <summary>The hidden definition; once per page, before the first <see cref="WriteUse"/>.</summary>
    /// <param name="html">The page.</param>
    /// <param name="dataUri">A <c>data:</c> URI from <see cref="SavedImages"/>: a sniffed media type and base64, nothing to escape.</param>
    public static void WriteDefinition(HtmlWriter html, string dataUri) =>
        html.Raw("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs><image id=\"").Raw(Id)
            .Raw("\" width=\"100\" height=\"100\" preserveAspectRatio=\"xMidYMid meet\" href=\"").Raw(dataUri).Raw("\"/></defs></svg>\n");

    /// <summary>A figure drawing the defined photo, with <paramref name="alt"/> as its accessible name.</summary>
    public static void WriteUse(HtmlWriter html, string alt, string caption) =>
        html.Raw("<figure><svg class=\"photo\" viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"").Text(alt)
            .Raw("\"><use href=\"#").Raw(Id).Raw("\"/></svg><figcaption>").Text(caption).Raw("</figcaption></figure>");
}
