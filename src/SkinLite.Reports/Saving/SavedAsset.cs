namespace SkinLite.Reports;

/// <summary>One image a result document references, and where (or whether) it was saved.</summary>
public sealed class SavedAsset
{
    /// <summary>
    /// Where the URL sits in the document, as a path of its JSON property names: <c>input.image</c>,
    /// <c>output.skinData.inputImage</c>, <c>output.skinData.combine_masked_url</c>,
    /// <c>output.skinData.facial_hair_url</c>, <c>output.skinData.zones.t_zone.image</c>,
    /// <c>output.skinData.concerns[3].image</c>.
    /// </summary>
    public required string Field { get; init; }

    /// <summary>The URL as the document gave it.</summary>
    public required string Url { get; init; }

    /// <summary>What became of it.</summary>
    public required SavedAssetStatus Status { get; init; }

    /// <summary>
    /// The saved file, relative to the folder with '/' separators (e.g. <c>images/concern-03-dark-circle.png</c>);
    /// <see langword="null"/> unless <see cref="Status"/> is <see cref="SavedAssetStatus.Saved"/>.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>The image's media type as its first bytes show it (<c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>, <c>image/gif</c>).</summary>
    public string? MediaType { get; init; }

    /// <summary>The saved file's length in bytes.</summary>
    public long Length { get; init; }

    /// <summary>The saved file's SHA-256, lower-case hex: a later save reuses the file only when it still matches.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Why it was not saved, in a sentence; <see langword="null"/> when it was.</summary>
    public string? Error { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Status == SavedAssetStatus.Saved ? $"{Field}: {FileName} ({Length} bytes)" : $"{Field}: {Status}: {Error}";
}
