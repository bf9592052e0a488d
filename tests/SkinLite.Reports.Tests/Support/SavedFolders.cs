using System.Security.Cryptography;
using System.Text.Json;

namespace SkinLite.Reports.Tests.Support;

/// <summary>
/// Writes a saved analysis by hand, as the downloader would leave it: document.json, the images under images/, and
/// manifest.json (through the real model and JSON context, so that <see cref="SavedAnalysis.Load"/> reads it).
/// </summary>
internal static class SavedFolders
{
    /// <summary>An image of the folder: its field, bytes, the media type the manifest claims, and its file name under images/.</summary>
    public sealed record Image(string Field, byte[] Bytes, string MediaType, string FileName);

    /// <param name="extra">Assets written to the manifest as given (failed, refused, or naming a file not written).</param>
    public static string Write(string directory, byte[] document, IEnumerable<Image> images, bool emulated, IEnumerable<SavedAsset>? extra = null)
    {
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        File.WriteAllBytes(Path.Combine(directory, SavedAnalysis.DocumentFileName), document);
        var assets = new List<SavedAsset>();
        foreach (Image image in images)
        {
            string relative = "images/" + image.FileName;
            File.WriteAllBytes(Path.Combine(directory, "images", image.FileName), image.Bytes);
            assets.Add(new SavedAsset
            {
                Field = image.Field,
                Url = "https://delivery.example/" + image.FileName,
                Status = SavedAssetStatus.Saved,
                FileName = relative,
                MediaType = image.MediaType,
                Length = image.Bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(image.Bytes)),
            });
        }

        assets.AddRange(extra ?? []);
        var manifest = new SaveManifest
        {
            Document = SavedAnalysis.DocumentFileName,
            PredictionId = "skinAnalysisInt--generate--p-1",
            Emulated = emulated,
            SavedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            Assets = assets,
        };
        File.WriteAllBytes(Path.Combine(directory, SaveManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(manifest, ReportsJsonContext.Default.SaveManifest));
        return directory;
    }
}
