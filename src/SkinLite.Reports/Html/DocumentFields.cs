using System.Globalization;

namespace SkinLite.Reports.Html;

/// <summary>The field names of a document's images, as the manifest keys them (see <see cref="SavedAsset.Field"/>).</summary>
internal static class DocumentFields
{
    public const string Input = "input.image";
    public const string ProcessedInput = "output.skinData.inputImage";
    public const string CombinedMask = "output.skinData.combine_masked_url";
    public const string FacialHair = "output.skinData.facial_hair_url";
    public const string TZone = "output.skinData.zones.t_zone.image";
    public const string UZone = "output.skinData.zones.u_zone.image";

    public static string Concern(int index) => string.Create(CultureInfo.InvariantCulture, $"output.skinData.concerns[{index}].image");
}
