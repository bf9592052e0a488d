namespace SkinLite;

/// <summary>The submit and result addresses of one route family, built from one base address.</summary>
internal sealed class Routes
{
    private const string Plugin = "skinAnalysisInt";
    private readonly string _root;
    private readonly string? _escapedAppId;

    private Routes(SkinLiteApi api, string root, string? escapedAppId)
    {
        Api = api;
        _root = root;
        _escapedAppId = escapedAppId;
        Submit = new Uri(api == SkinLiteApi.Transformation
            ? $"{root}/predictions/{Plugin}/generate"
            : $"{root}/sa-predictions/apps/{escapedAppId}/plugins/{Plugin}/generate");
    }

    public SkinLiteApi Api { get; }

    public Uri Submit { get; }

    public bool UsesScanId => Api != SkinLiteApi.Transformation;

    public static Uri DefaultBaseAddress(SkinLiteApi api) => api switch
    {
        SkinLiteApi.Private => new Uri("https://api.pixelbin.io/service/private/misc/v2.0"),
        SkinLiteApi.Platform => new Uri("https://api.pixelbin.io/service/platform/misc/v1.0"),
        SkinLiteApi.Transformation => new Uri("https://api.pixelbin.io/service/platform/transformation/v1.0"),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Unknown route family."),
    };

    public static Routes Create(SkinLiteApi api, Uri baseAddress, string? appId)
    {
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base address '{baseAddress}' is not an absolute http or https URL.", nameof(baseAddress));
        }

        string root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string? escapedAppId = api == SkinLiteApi.Transformation
            ? null
            : IdSegment.Escape(appId, nameof(SkinLiteClientOptions.AppId));
        return new Routes(api, root, escapedAppId);
    }

    /// <summary>The result address; <paramref name="appId"/> overrides the client's own (a job resumed from saved ids).</summary>
    public Uri Result(string? appId, string? scanId, string predictionId)
    {
        string prediction = IdSegment.Escape(predictionId, nameof(predictionId));
        if (!UsesScanId)
        {
            return new Uri($"{_root}/predictions/{prediction}");
        }

        string app = appId is null ? _escapedAppId! : IdSegment.Escape(appId, nameof(appId));
        return new Uri($"{_root}/sa-predictions/apps/{app}/plugins/{Plugin}/scans/{IdSegment.Escape(scanId, nameof(scanId))}/{prediction}");
    }
}
