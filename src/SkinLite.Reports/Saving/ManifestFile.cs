using System.Text.Json;

namespace SkinLite.Reports;

/// <summary>Reads an earlier save's manifest leniently (it only saves downloads) and writes the new one atomically.</summary>
internal static class ManifestFile
{
    /// <summary>The folder's manifest, or <see langword="null"/> when there is none or it is unreadable: a corrupt manifest only means everything is downloaded again.</summary>
    public static SaveManifest? TryRead(string directory)
    {
        string path = Path.Combine(directory, SaveManifest.FileName);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            SaveManifest? manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ReportsJsonContext.Default.SaveManifest);
            return manifest is { Version: SaveManifest.CurrentVersion, Assets: not null } ? manifest : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public static Task WriteAsync(string directory, SaveManifest manifest, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllBytesAsync(
            Path.Combine(directory, SaveManifest.FileName),
            JsonSerializer.SerializeToUtf8Bytes(manifest, ReportsJsonContext.Default.SaveManifest),
            cancellationToken);
}
