namespace SkinLite.Emulator;

/// <summary>The nine concern kinds of the recorded real document, in its order, with its names, bands and mask file names (the space in <c>dark circle.jpg</c> included).</summary>
internal static class ConcernCatalog
{
    private static readonly string[] Wide = ["0-49", "50-89", "90-100"];
    private static readonly string[] Narrow = ["0-49", "50-79", "80-100"];

    public static readonly ConcernKind[] All =
    [
        new(ConcernTechNames.Scars, "Post Acne Scars", Wide, "scar.jpg"),
        new(ConcernTechNames.Hydration, "Hydration", Wide, "hydration.jpg"),
        new(ConcernTechNames.Pigmentation, "Pigmentation", Narrow, "pigmentation.jpg"),
        new(ConcernTechNames.DarkCircles, "Dark circles", Narrow, "dark circle.jpg"),
        new(ConcernTechNames.EyeBags, "Eye_bags", Narrow, "eyebag.jpg"),
        new(ConcernTechNames.Acne, "Acne", Wide, "acne.jpg"),
        new(ConcernTechNames.Pores, "Pores", Wide, "pores.jpg"),
        new(ConcernTechNames.Whiteheads, "Whiteheads", Wide, "whitehead.jpg"),
        new(ConcernTechNames.Wrinkles, "Wrinkles", Narrow, "wrinkle.jpg"),
    ];
}
