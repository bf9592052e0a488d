namespace SkinLite.Reports;

/// <summary>One image URL of a document: where it sits (<see cref="SavedAsset.Field"/>), the URL, and the safe role its local file is named after.</summary>
/// <param name="Field">The URL's path in the document, e.g. <c>output.skinData.concerns[3].image</c>.</param>
/// <param name="Url">The URL as the document gave it.</param>
/// <param name="Role">The local file's name without extension (<c>concern-03-dark-circle</c>): built from slugs only.</param>
internal sealed record AssetReference(string Field, string Url, string Role)
{
    public const string ImagesFolder = "images";

    /// <summary>The local file, relative to the save folder, once its extension is known.</summary>
    public string FileName(ImageKind kind) => $"{ImagesFolder}/{Role}.{kind.Extension}";
}
