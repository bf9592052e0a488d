using System.Text;
using System.Text.Json.Nodes;

namespace SkinLite.Reports.Tests.Saving.Support;

/// <summary>Result documents in the service's shape, with the image URLs a test chooses.</summary>
internal static class Documents
{
    public const string Cdn = "https://cdn.test/predictions/p1/";

    /// <summary>A SUCCESS document: input.image, combine_masked_url and one concern per (name, url).</summary>
    public static byte[] Success(string? input = null, string? mask = null, params (string Name, string Url)[] concerns)
    {
        var skinData = new JsonObject { ["total_skin_score"] = 80 };
        if (mask is not null)
        {
            skinData["combine_masked_url"] = mask;
        }

        var list = new JsonArray();
        foreach ((string name, string url) in concerns)
        {
            list.Add(new JsonObject { ["name"] = name, ["tech_name"] = name, ["value"] = 50, ["image"] = url });
        }

        skinData["concerns"] = list;
        var root = new JsonObject { ["status"] = "SUCCESS", ["_id"] = "p1" };
        if (input is not null)
        {
            root["input"] = new JsonObject { ["image"] = input };
        }

        root["output"] = new JsonObject { ["skinData"] = skinData };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A document with <paramref name="count"/> concerns, each with its own image on the CDN.</summary>
    public static byte[] WithConcerns(int count) =>
        Success(Cdn + "input.png", Cdn + "combine_mask.png", [.. Enumerable.Range(0, count).Select(i => ($"concern {i}", $"{Cdn}c{i}.png"))]);
}
