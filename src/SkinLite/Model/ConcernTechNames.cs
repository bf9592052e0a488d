namespace SkinLite;

/// <summary>The <c>tech_name</c> of the concerns seen in real answers and named in the documentation. The set is open: others are kept too.</summary>
public static class ConcernTechNames
{
    /// <summary><c>acne</c></summary>
    public const string Acne = "acne";

    /// <summary><c>wrinkles</c></summary>
    public const string Wrinkles = "wrinkles";

    /// <summary><c>pores</c></summary>
    public const string Pores = "pores";

    /// <summary><c>scars</c> (named <c>post_acne_scars</c> in the documentation)</summary>
    public const string Scars = "scars";

    /// <summary><c>hydration</c></summary>
    public const string Hydration = "hydration";

    /// <summary><c>pigmentation</c></summary>
    public const string Pigmentation = "pigmentation";

    /// <summary><c>dark_circles</c></summary>
    public const string DarkCircles = "dark_circles";

    /// <summary><c>eye_bags</c></summary>
    public const string EyeBags = "eye_bags";

    /// <summary><c>whiteheads</c></summary>
    public const string Whiteheads = "whiteheads";

    /// <summary><c>redness</c> (documented, not yet seen)</summary>
    public const string Redness = "redness";

    /// <summary><c>under_eye</c> (documented, not yet seen)</summary>
    public const string UnderEye = "under_eye";

    /// <summary><c>post_acne_scars</c> (documented; real answers say <c>scars</c>)</summary>
    public const string PostAcneScars = "post_acne_scars";
}
