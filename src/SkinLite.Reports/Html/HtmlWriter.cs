using System.Globalization;
using System.Text;

namespace SkinLite.Reports.Html;

/// <summary>
/// A page being written. <see cref="Raw"/> takes markup written in this assembly; everything else goes through
/// <see cref="Text"/>, which escapes it, so that the difference between markup and data is visible at each call.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _builder = new(16 * 1024);

    /// <summary>Markup this assembly wrote: never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Data, escaped for text and attribute values alike, cleaned and capped.</summary>
    public HtmlWriter Text(string? text, int limit = HtmlText.ShortLimit)
    {
        HtmlText.Append(_builder, text, limit);
        return this;
    }

    /// <summary>A number in invariant digits.</summary>
    public HtmlWriter Number(long value)
    {
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A number in invariant digits with at most <paramref name="decimals"/> decimals.</summary>
    public HtmlWriter Number(double value, int decimals)
    {
        _builder.Append(Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A number, or an em dash when there is none.</summary>
    public HtmlWriter NumberOrDash(int? value) => value is { } number ? Number(number) : Raw("\u2014");

    public override string ToString() => _builder.ToString();
}
