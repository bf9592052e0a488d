using System.Globalization;
using System.Text.Json;

namespace SkinLite.Reports;

/// <summary>
/// Finds the image URLs of a result document, in the document's order: <c>input.image</c> and, under
/// <c>output.skinData</c>, <c>inputImage</c>, <c>combine_masked_url</c>, <c>facial_hair_url</c>, each zone's
/// <c>image</c> (any zone key) and each concern's <c>image</c>. Values that are not non-empty strings are not URLs and
/// are left out. Each gets a role (its local file name) built only from slugs, unique within the document.
/// </summary>
internal static class AssetReferences
{
    public static List<AssetReference> Find(JsonElement root)
    {
        var found = new List<AssetReference>();
        var roles = new HashSet<string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return found;
        }

        foreach (JsonProperty top in root.EnumerateObject())
        {
            if (top.NameEquals("input") && top.Value.ValueKind == JsonValueKind.Object && top.Value.TryGetProperty("image", out JsonElement image))
            {
                Add(found, roles, DocumentFields.Input, image, "input");
            }
            else if (top.NameEquals("output") && top.Value.ValueKind == JsonValueKind.Object &&
                     top.Value.TryGetProperty("skinData", out JsonElement skinData) && skinData.ValueKind == JsonValueKind.Object)
            {
                FindInSkinData(found, roles, skinData);
            }
        }

        return found;
    }

    private static void FindInSkinData(List<AssetReference> found, HashSet<string> roles, JsonElement skinData)
    {
        foreach (JsonProperty property in skinData.EnumerateObject())
        {
            switch (property.Name)
            {
                case "inputImage":
                    Add(found, roles, DocumentFields.ProcessedInput, property.Value, "analysed-input");
                    break;
                case "combine_masked_url":
                    Add(found, roles, DocumentFields.CombinedMask, property.Value, "combined-mask");
                    break;
                case "facial_hair_url":
                    Add(found, roles, DocumentFields.FacialHair, property.Value, "facial-hair");
                    break;
                case "zones" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (JsonProperty zone in property.Value.EnumerateObject())
                    {
                        if (zone.Value.ValueKind == JsonValueKind.Object && zone.Value.TryGetProperty("image", out JsonElement zoneImage))
                        {
                            // The key is the service's (t_zone) or a hostile document's: it goes into the field as is (a
                            // JSON path is text, never a file name) and into the file name only as a slug.
                            Add(found, roles, DocumentFields.Zone(zone.Name), zoneImage, "zone-" + SafeName.Slug(zone.Name));
                        }
                    }

                    break;
                case "concerns" when property.Value.ValueKind == JsonValueKind.Array:
                    int index = 0;
                    foreach (JsonElement concern in property.Value.EnumerateArray())
                    {
                        if (concern.ValueKind == JsonValueKind.Object && concern.TryGetProperty("image", out JsonElement concernImage) &&
                            concernImage.ValueKind == JsonValueKind.String)
                        {
                            string label = Text(concern, "tech_name") ?? Text(concern, "name") ?? SafeName.UrlStem(concernImage.GetString()!) ?? string.Empty;
                            string role = string.Create(CultureInfo.InvariantCulture, $"concern-{index:D2}-{SafeName.Slug(label)}");
                            Add(found, roles, DocumentFields.Concern(index), concernImage, role);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static void Add(List<AssetReference> found, HashSet<string> roles, string field, JsonElement value, string role)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } url)
        {
            return;
        }

        // Two fields never share a file. The roles above are unique for every document the service sends (indexes, fixed
        // names); two zone keys that slug alike (t_zone, t-zone) are the one way to collide, and get a number.
        string unique = role;
        for (int n = 2; !roles.Add(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{role}-{n}");
        }

        found.Add(new AssetReference(field, url, unique));
    }
}
