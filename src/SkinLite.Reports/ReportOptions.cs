namespace SkinLite.Reports;

/// <summary>How a report page is written. Every option has a default; the output depends on nothing else (no clock).</summary>
public sealed class ReportOptions
{
    /// <summary>The default of <see cref="MaxEmbeddedImageBytes"/>: 10 MiB, more than any image the service returns.</summary>
    public const long DefaultMaxEmbeddedImageBytes = 10 * 1024 * 1024;

    /// <summary>The page's title and heading; a default one when <see langword="null"/>. Escaped like all text.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// When the report was made, printed in its footer; nothing when <see langword="null"/>, so that the same input
    /// gives the same bytes.
    /// </summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>
    /// The largest saved image embedded in an analysis report, in bytes; a larger one is shown as a placeholder.
    /// Bounds the page's size against a tampered folder.
    /// </summary>
    public long MaxEmbeddedImageBytes { get; init; } = DefaultMaxEmbeddedImageBytes;

    internal static ReportOptions Default { get; } = new();
}
