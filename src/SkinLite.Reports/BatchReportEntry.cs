namespace SkinLite.Reports;

/// <summary>One image of a batch, as a row of the batch index (see <see cref="BatchIndexReport"/>).</summary>
public sealed class BatchReportEntry
{
    /// <summary>The image as the user knows it: its path or name in the batch. Shown escaped, never used as a link.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The image's outcome; <see langword="default"/> (<see cref="OutcomeKind.None"/>) when it has none, e.g. it was never
    /// submitted or its fate is uncertain: then <see cref="Status"/> says so.
    /// </summary>
    public AnalysisOutcome Outcome { get; init; }

    /// <summary>A few words for an image without an outcome (<c>uncertain</c>, <c>not submitted</c>), or beside one; optional.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// The link to the image's own report page, relative to the index (e.g. <c>photo-1/report.html</c>); no link when
    /// <see langword="null"/>. Each path segment is percent-encoded; an absolute path, a URL or a path with <c>..</c> is
    /// refused (no link).
    /// </summary>
    public string? ReportHref { get; init; }

    /// <summary>
    /// The image's saved input photo, relative to the index (e.g. <c>photo-1/images/input.jpg</c>), shown as a thumbnail;
    /// the same rules as <see cref="ReportHref"/>.
    /// </summary>
    public string? ThumbnailHref { get; init; }
}
