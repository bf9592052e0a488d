namespace SkinLite.Emulator;

/// <summary>The path prefix of each route family, as on the real service, so that a client only swaps the host.</summary>
internal static class RouteFamilies
{
    public const string Plugin = "skinAnalysisInt";

    public static readonly SkinLiteApi[] All = [SkinLiteApi.Private, SkinLiteApi.Platform, SkinLiteApi.Transformation];

    public static string PathPrefix(SkinLiteApi api) => api switch
    {
        SkinLiteApi.Private => "/service/private/misc/v2.0",
        SkinLiteApi.Platform => "/service/platform/misc/v1.0",
        SkinLiteApi.Transformation => "/service/platform/transformation/v1.0",
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Unknown route family."),
    };

    /// <summary>Whether the family addresses results by app and scan id (<c>sa-predictions</c>) rather than by prediction id alone.</summary>
    public static bool UsesScanId(SkinLiteApi api) => api != SkinLiteApi.Transformation;
}
