namespace SkinLite.Reports.Html;

/// <summary>Where a page gets its images: a saved folder (<see cref="SavedImages"/>) or nowhere (<see cref="NoImages"/>).</summary>
internal interface IReportImages
{
    /// <summary>The image of a document field such as <c>output.skinData.concerns[2].image</c>.</summary>
    ReportImage Get(string field);
}

/// <summary>A bare document: nothing was saved, so every image is a placeholder.</summary>
internal sealed class NoImages : IReportImages
{
    public static NoImages Instance { get; } = new();

    public ReportImage Get(string field) => ReportImage.NotSaved;
}
