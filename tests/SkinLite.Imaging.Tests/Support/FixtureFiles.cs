using System.Text.Json;

namespace SkinLite.Imaging.Tests;

/// <summary>The committed fixtures and what manifest.json says of each.</summary>
internal static class FixtureFiles
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The manifest entry of <paramref name="name"/>; the document is parsed per call, so no test shares its state.</summary>
    public static JsonElement Entry(string name)
    {
        using JsonDocument manifest = JsonDocument.Parse(Bytes("manifest.json"));
        return manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    public static TheoryData<string> Expecting(string outcome)
    {
        using JsonDocument manifest = JsonDocument.Parse(Bytes("manifest.json"));
        var names = new TheoryData<string>();
        foreach (JsonElement file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            if (file.GetProperty("expected").GetString() == outcome)
            {
                names.Add(file.GetProperty("name").GetString()!);
            }
        }

        return names;
    }
}
