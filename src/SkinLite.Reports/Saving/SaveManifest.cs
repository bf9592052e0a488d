namespace SkinLite.Reports;

/// <summary>
/// manifest.json, beside the saved document: which image of the document is which local file. Written last and
/// atomically, so a manifest always describes files that are complete.
/// </summary>
internal sealed class SaveManifest
{
    public const string FileName = SavedAnalysis.ManifestFileName;
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The document's file name in the folder.</summary>
    public required string Document { get; init; }

    public string? PredictionId { get; init; }

    public bool Emulated { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public required IReadOnlyList<SavedAsset> Assets { get; init; }
}
