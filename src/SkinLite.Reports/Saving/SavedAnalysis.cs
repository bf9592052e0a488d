using System.Text.Json;

namespace SkinLite.Reports;

/// <summary>
/// An analysis saved to a folder: the service's document (<c>document.json</c>), every image it references, and
/// <c>manifest.json</c>, which maps each image's field to its local file. Made by a save, or read back with
/// <see cref="Load"/>.
/// </summary>
public sealed class SavedAnalysis
{
    /// <summary>The document's file name in the folder.</summary>
    public const string DocumentFileName = "document.json";

    /// <summary>The manifest's file name in the folder: a folder that holds it is a saved analysis.</summary>
    public const string ManifestFileName = "manifest.json";

    private SavedAnalysis(string directory, SaveManifest manifest)
    {
        Directory = directory;
        DocumentPath = System.IO.Path.Combine(directory, manifest.Document);
        ManifestPath = System.IO.Path.Combine(directory, SaveManifest.FileName);
        PredictionId = manifest.PredictionId;
        IsEmulated = manifest.Emulated;
        SavedAt = manifest.SavedAt;
        Assets = manifest.Assets;
    }

    /// <summary>The folder, as a full path.</summary>
    public string Directory { get; }

    /// <summary>The saved document's full path.</summary>
    public string DocumentPath { get; }

    /// <summary>The manifest's full path.</summary>
    public string ManifestPath { get; }

    /// <summary>The prediction's id as the document gave it, if it did.</summary>
    public string? PredictionId { get; }

    /// <summary>True when the document came from the emulator: its scores and images are synthetic.</summary>
    public bool IsEmulated { get; }

    /// <summary>When the manifest was written.</summary>
    public DateTimeOffset SavedAt { get; }

    /// <summary>Every image the document references, in the document's order, saved or not.</summary>
    public IReadOnlyList<SavedAsset> Assets { get; }

    /// <summary>True when every image the document references is saved.</summary>
    public bool IsComplete => Assets.All(asset => asset.Status == SavedAssetStatus.Saved);

    /// <summary>The saved image of a field (see <see cref="SavedAsset.Field"/>), or <see langword="null"/>.</summary>
    public SavedAsset? Find(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Assets.FirstOrDefault(asset => asset.Status == SavedAssetStatus.Saved && string.Equals(asset.Field, field, StringComparison.Ordinal));
    }

    /// <summary>
    /// The photo the analysis is of, as saved: the service's analysed input (<c>output.skinData.inputImage</c>), else the
    /// upload (<c>input.image</c>); <see langword="null"/> when neither is saved. The report shows the same one.
    /// </summary>
    public SavedAsset? InputPhoto => Find(DocumentFields.ProcessedInput) ?? Find(DocumentFields.Input);

    /// <summary>The full path of a saved image of this folder.</summary>
    /// <exception cref="InvalidDataException">The asset's file name would leave the folder (a tampered manifest).</exception>
    public string PathOf(SavedAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.FileName is null)
        {
            throw new ArgumentException($"The asset '{asset.Field}' was not saved.", nameof(asset));
        }

        return ContainedPath(Directory, asset.FileName);
    }

    /// <summary>Reads the document's bytes.</summary>
    public byte[] ReadDocument() => File.ReadAllBytes(DocumentPath);

    /// <summary>Reads a folder written by a save.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest.json.</exception>
    /// <exception cref="InvalidDataException">The manifest is not one SkinLite wrote (malformed, another version, or naming files outside the folder).</exception>
    public static SavedAnalysis Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string full = System.IO.Path.GetFullPath(directory);
        string manifestPath = System.IO.Path.Combine(full, SaveManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"'{directory}' is not a saved analysis: it has no {SaveManifest.FileName}.", manifestPath);
        }

        SaveManifest? manifest;
        try
        {
            using FileStream stream = File.OpenRead(manifestPath);
            manifest = JsonSerializer.Deserialize(stream, ReportsJsonContext.Default.SaveManifest);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{manifestPath}' is not a valid manifest: {ex.Message}", ex);
        }

        if (manifest is null || manifest.Version != SaveManifest.CurrentVersion)
        {
            throw new InvalidDataException($"'{manifestPath}' is not a version {SaveManifest.CurrentVersion} manifest.");
        }

        var saved = new SavedAnalysis(full, manifest);
        ContainedPath(full, manifest.Document);
        foreach (SavedAsset asset in manifest.Assets.Where(asset => asset.FileName is not null))
        {
            saved.PathOf(asset);
        }

        return saved;
    }

    internal static SavedAnalysis From(string directory, SaveManifest manifest) => new(directory, manifest);

    /// <summary>A file name of the folder as a full path, refused when it would leave the folder.</summary>
    private static string ContainedPath(string directory, string relative)
    {
        string root = System.IO.Path.TrimEndingDirectorySeparator(directory) + System.IO.Path.DirectorySeparatorChar;
        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw new InvalidDataException($"The manifest names '{relative}', which is outside the folder.");
    }
}
