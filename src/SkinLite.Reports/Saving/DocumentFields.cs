using System.Globalization;

namespace SkinLite.Reports;

/// <summary>
/// The field names of a document's images, as the manifest keys them (see <see cref="SavedAsset.Field"/>): written by the
/// save (AssetReferences) and read by the report, from this one list.
/// </summary>
internal static class DocumentFields
{
    public const string Input = "input.image";
    public const string ProcessedInput = "output.skinData.inputImage";
    public const string SkinData = "output.skinData.";
    public const string CombinedMask = "output.skinData.combine_masked_url";
    public const string FacialHair = "output.skinData.facial_hair_url";
    public const string TZone = "output.skinData.zones.t_zone.image";
    public const string UZone = "output.skinData.zones.u_zone.image";

    /// <summary>A zone's image, by the zone's key as the document gives it (<c>t_zone</c>, or a hostile key: the field is text, never a file name).</summary>
    public static string Zone(string key) => SkinData + "zones." + key + ".image";

    public static string Concern(int index) => string.Create(CultureInfo.InvariantCulture, $"output.skinData.concerns[{index}].image");
}
