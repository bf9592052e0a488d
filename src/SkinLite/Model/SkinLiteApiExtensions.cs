namespace SkinLite;

/// <summary>
/// What each <see cref="SkinLiteApi"/> route family is on the wire: the path it lives under on the service's host, the
/// plugin its routes name, and whether it addresses jobs by application and scan id. The one place this is written:
/// the client, the emulator and the command line all read it from here.
/// </summary>
public static class SkinLiteApiExtensions
{
    /// <summary>The plugin every submit route names: <c>skinAnalysisInt</c>.</summary>
    public const string PluginName = "skinAnalysisInt";

    /// <summary>The service's host, where every family lives under its <see cref="BasePath"/>: <c>https://api.pixelbin.io</c>.</summary>
    public static Uri ServiceHost { get; } = new("https://api.pixelbin.io");

    /// <summary>The three families, in declaration order.</summary>
    public static IReadOnlyList<SkinLiteApi> All { get; } = [SkinLiteApi.Private, SkinLiteApi.Platform, SkinLiteApi.Transformation];

    /// <summary>The path the family lives under on a host, e.g. <c>/service/private/misc/v2.0</c>; no trailing slash.</summary>
    /// <param name="api">The family.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="api"/> is not a defined family.</exception>
    public static string BasePath(this SkinLiteApi api) => api switch
    {
        SkinLiteApi.Private => "/service/private/misc/v2.0",
        SkinLiteApi.Platform => "/service/platform/misc/v1.0",
        SkinLiteApi.Transformation => "/service/platform/transformation/v1.0",
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Unknown route family."),
    };

    /// <summary>The family's address on the real service: <see cref="ServiceHost"/> followed by <see cref="BasePath"/>.</summary>
    /// <param name="api">The family.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="api"/> is not a defined family.</exception>
    public static Uri DefaultBaseAddress(this SkinLiteApi api) => new(ServiceHost, api.BasePath());

    /// <summary>
    /// The family's base address for <paramref name="address"/>: a bare host (<c>https://api.pixelbin.io</c>, or the
    /// <c>http://127.0.0.1:5080</c> the emulator prints) gets the family's <see cref="BasePath"/> appended; an address
    /// with a path is taken as the family's base address as it is. The one rule behind the client's
    /// <see cref="SkinLiteClientOptions.BaseAddress"/>, a host's configuration and the CLI's <c>--base-url</c>.
    /// </summary>
    /// <param name="api">The family.</param>
    /// <param name="address">An absolute address.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="api"/> is not a defined family.</exception>
    public static Uri ResolveBaseAddress(this SkinLiteApi api, Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsAbsoluteUri && address.AbsolutePath is "" or "/"
            ? new Uri(address.GetLeftPart(UriPartial.Authority) + api.BasePath())
            : address;
    }

    /// <summary>
    /// Whether the family addresses jobs by application id and scan id (the <c>sa-predictions</c> routes of
    /// <see cref="SkinLiteApi.Private"/> and <see cref="SkinLiteApi.Platform"/>), rather than by prediction id alone
    /// (<see cref="SkinLiteApi.Transformation"/>, which has neither an app id nor a scan id).
    /// </summary>
    /// <param name="api">The family.</param>
    public static bool UsesScanId(this SkinLiteApi api) => api != SkinLiteApi.Transformation;
}
