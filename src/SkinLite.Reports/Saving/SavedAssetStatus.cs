using System.Text.Json.Serialization;

namespace SkinLite.Reports;

/// <summary>What became of one image a result document references (in manifest.json: <c>saved</c>, <c>failed</c>, <c>refused</c>).</summary>
public enum SavedAssetStatus
{
    /// <summary>The image is in the folder, complete and verified (downloaded now or by an earlier save).</summary>
    [JsonStringEnumMemberName("saved")]
    Saved = 0,

    /// <summary>The download failed (after its retries): see <see cref="SavedAsset.Error"/>. A later save tries again.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 1,

    /// <summary>
    /// The URL was not fetched because it is not one SkinLite will fetch (not https, except loopback for the emulator;
    /// or not a URL at all): see <see cref="SavedAsset.Error"/>. A later save refuses it again.
    /// </summary>
    [JsonStringEnumMemberName("refused")]
    Refused = 2,
}
