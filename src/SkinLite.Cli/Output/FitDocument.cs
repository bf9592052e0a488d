using SkinLite.Imaging;

namespace SkinLite.Cli.Output;

/// <summary>What fitting did to the image, as --json prints it under <c>fit</c> (null when the image was sent as it is by --no-fit).</summary>
internal sealed class FitDocument
{
    public bool Changed { get; init; }

    public string? SourceFormat { get; init; }

    public int SourceWidth { get; init; }

    public int SourceHeight { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int RotationDegrees { get; init; }

    public bool Mirrored { get; init; }

    public int? Quality { get; init; }

    public long BytesBefore { get; init; }

    public long BytesAfter { get; init; }

    /// <summary>camelCase kinds: <c>location</c>, <c>device</c>, <c>dates</c>, <c>colorProfile</c>, <c>other</c>.</summary>
    public IReadOnlyList<string> MetadataRemoved { get; init; } = [];

    /// <summary>The line analyze prints on stderr.</summary>
    public string? Summary { get; init; }

    public static FitDocument From(FitReport report) => new()
    {
        Changed = report.Changed,
        SourceFormat = report.Assessment.SourceFormat,
        SourceWidth = report.Assessment.Width,
        SourceHeight = report.Assessment.Height,
        Width = report.Width,
        Height = report.Height,
        RotationDegrees = report.RotationDegrees,
        Mirrored = report.Mirrored,
        Quality = report.Quality,
        BytesBefore = report.BytesBefore,
        BytesAfter = report.BytesAfter,
        MetadataRemoved = Kinds(report.MetadataRemoved),
        Summary = report.ToString(),
    };

    private static string[] Kinds(PhotoMetadata metadata) =>
        [.. Enum.GetValues<PhotoMetadata>().Where(kind => kind != PhotoMetadata.None && metadata.HasFlag(kind)).Select(kind => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..])];
}
