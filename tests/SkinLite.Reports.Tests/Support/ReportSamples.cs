using System.Text;
using SkinLite.Reports.Html;
using SkinLite.TestSupport;

namespace SkinLite.Reports.Tests.Support;

/// <summary>
/// Ready-made saved folders for report tests, and for the browser tests that open the rendered pages: each method
/// writes one folder under <c>root</c> and returns its path (the caller owns <c>root</c>, e.g. a <see cref="TempFolder"/>).
/// </summary>
internal static class ReportSamples
{
    /// <summary>The emulator's nine concerns (tech name, name, file name, score), as its documents list them.</summary>
    private static readonly (string TechName, string Name, string File, int Value)[] EmulatorConcerns =
    [
        ("scars", "Post Acne Scars", "scar", 48),
        ("hydration", "Hydration", "hydration", 69),
        ("pigmentation", "Pigmentation", "pigmentation", 84),
        ("dark_circles", "Dark circles", "dark circle", 92),
        ("eye_bags", "Eye_bags", "eyebag", 97),
        ("acne", "Acne", "acne", 31),
        ("pores", "Pores", "pores", 77),
        ("whiteheads", "Whiteheads", "whitehead", 100),
        ("wrinkles", "Wrinkles", "wrinkle", 55),
    ];

    /// <summary>
    /// A folder like one saved from the emulator: <c>emulated: true</c> in the document and the manifest, its nine
    /// concerns, and a distinct small PNG for every image field (input, processed input, masks, zones, each concern).
    /// </summary>
    public static string EmulatorLike(string root, string name = "emulated")
    {
        const string Outputs = "http://127.0.0.1:5080/emulator/outputs/p-1/";
        ConcernSpec[] concerns =
        [
            .. EmulatorConcerns.Select(concern => new ConcernSpec(
                concern.Name,
                concern.TechName,
                concern.Value,
                concern.Value >= 90 ? "Good" : concern.Value >= 50 ? "Average" : "Needs Attention",
                Outputs + concern.File + ".png",
                $"Emulated: a made-up {concern.Name.ToLowerInvariant()} score of {concern.Value}, derived from the image bytes, not from a face.",
                "SkinLite emulator: no analysis was run; this text stands in for the service's explanation of the concern.")),
        ];
        byte[] document = SampleDocuments.Success(
            total: 73,
            shade: "B58A64",
            emulated: true,
            summary: "EMULATED RESULT: SkinLite's offline emulator made these numbers up from the image bytes. No face or skin was analysed; do not use it for anything but testing.",
            outputs: Outputs,
            inputUrl: "http://127.0.0.1:5080/emulator/inputs/p-1/0.png",
            concerns: concerns);
        return SavedFolders.Write(Path.Combine(root, name), document, AllImages(concerns.Length), emulated: true);
    }

    /// <summary>
    /// A folder whose document has every string set to markup meant to run (<c>&lt;script&gt;</c>, an attribute breakout,
    /// a <c>javascript:</c> URL), whose manifest claims a PNG for a file that is an SVG with a script in it, and whose
    /// input photo is a real PNG: a page rendered from it must show text and images, and run nothing.
    /// </summary>
    public static string Hostile(string root, string name = "hostile")
    {
        const string Payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>javascript:alert(1)' onmouseover='alert(1)";
        byte[] svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        SavedFolders.Image[] images =
        [
            new(DocumentFields.Input, TestPng.Create(16, 16, 0x40), ImageSniffer.Png, "input.png"),
            new(DocumentFields.ProcessedInput, TestPng.Create(16, 16, 0x50), ImageSniffer.Png, "api_image.png"),
            new(DocumentFields.Concern(0), svg, ImageSniffer.Png, "concern-00.png"),
            new(DocumentFields.Concern(1), svg, "image/svg+xml", "concern-01.svg"),
        ];
        return SavedFolders.Write(Path.Combine(root, name), SampleDocuments.Hostile(Payload), images, emulated: false);
    }

    /// <summary>A distinct 8 x 8 PNG for every image field of a document with <paramref name="concerns"/> concerns.</summary>
    public static SavedFolders.Image[] AllImages(int concerns)
    {
        var images = new List<SavedFolders.Image>
        {
            new(DocumentFields.Input, TestPng.Create(8, 8, 0x10), ImageSniffer.Png, "input.png"),
            new(DocumentFields.ProcessedInput, TestPng.Create(8, 8, 0x20), ImageSniffer.Png, "api_image.png"),
            new(DocumentFields.CombinedMask, TestPng.Create(8, 8, 0x30), ImageSniffer.Png, "combine_mask.png"),
            new(DocumentFields.FacialHair, TestPng.Create(8, 8, 0x20), ImageSniffer.Png, "facial_hair.png"),
            new(DocumentFields.TZone, TestPng.Create(8, 8, 0x40), ImageSniffer.Png, "t_zone.png"),
            new(DocumentFields.UZone, TestPng.Create(8, 8, 0x50), ImageSniffer.Png, "u_zone.png"),
        };
        for (int i = 0; i < concerns; i++)
        {
            images.Add(new(DocumentFields.Concern(i), TestPng.Create(8, 8, (byte)(0x60 + i)), ImageSniffer.Png, $"concern-{i:D2}.png"));
        }

        return [.. images];
    }
}
