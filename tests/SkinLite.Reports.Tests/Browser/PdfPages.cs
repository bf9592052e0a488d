using System.Text;
using System.Text.RegularExpressions;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>Counts the pages of a PDF as Chromium writes it: its page objects (<c>/Type /Page</c>, not <c>/Pages</c>).</summary>
internal static partial class PdfPages
{
    public static int Count(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "the browser's print is not a PDF");
        string text = Encoding.Latin1.GetString(pdf);
        return PageObject().Count(text);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
