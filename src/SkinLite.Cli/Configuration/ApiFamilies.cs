namespace SkinLite.Cli.Configuration;

/// <summary>The --api names and the path each route family lives under on a host.</summary>
internal static class ApiFamilies
{
    public const string Names = "private, platform or transformation";

    public static bool TryParse(string? name, out SkinLiteApi api)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "private":
                api = SkinLiteApi.Private;
                return true;
            case "platform":
                api = SkinLiteApi.Platform;
                return true;
            case "transformation":
                api = SkinLiteApi.Transformation;
                return true;
            default:
                api = default;
                return false;
        }
    }

    public static string Name(SkinLiteApi api) => api.ToString().ToLowerInvariant();

    /// <summary>
    /// The family's path on the service's host, appended when --base-url names a bare host (https://api.pixelbin.io,
    /// or the emulator's http://127.0.0.1:5080) so that the user need not know it.
    /// </summary>
    public static string PathPrefix(SkinLiteApi api) => api switch
    {
        SkinLiteApi.Private => "/service/private/misc/v2.0",
        SkinLiteApi.Platform => "/service/platform/misc/v1.0",
        _ => "/service/platform/transformation/v1.0",
    };

    public static Uri WithFamilyPath(Uri baseUrl, SkinLiteApi api) =>
        baseUrl.AbsolutePath is "" or "/" ? new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + PathPrefix(api)) : baseUrl;
}
