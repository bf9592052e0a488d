namespace SkinLite.Reports.Html;

/// <summary>
/// One image as a page can show it: a <c>data:</c> URI of the saved file, or why there is none (shown in a placeholder
/// instead). There is deliberately no third case: a page never points at the service's URL.
/// </summary>
internal readonly record struct ReportImage(string? DataUri, string? Missing)
{
    public static ReportImage NotSaved { get; } = new(null, "Image not saved");

    public static ReportImage Embedded(string dataUri) => new(dataUri, null);

    public static ReportImage Unavailable(string why) => new(null, why);
}
