using System.Runtime.CompilerServices;

namespace SkinLite;

/// <summary>The submit and result addresses of one route family, built from one base address.</summary>
internal sealed class Routes
{
    private const string Plugin = SkinLiteApiExtensions.PluginName;
    private readonly string _root;
    private readonly string? _escapedAppId;

    // A job handle is immutable, and a service polls the same handle every few seconds: its address is built once
    // (escaping, formatting, parsing a Uri) and kept as long as the handle lives.
    private readonly ConditionalWeakTable<SkinAnalysisJob, Uri> _jobResults = new();
    private readonly ConditionalWeakTable<SkinAnalysisJob, Uri>.CreateValueCallback _buildJobResult;

    private Routes(SkinLiteApi api, string root, string? escapedAppId)
    {
        Api = api;
        _root = root;
        _escapedAppId = escapedAppId;
        _buildJobResult = job => Result(job.AppId, job.ScanId, job.PredictionId);
        Submit = new Uri(api.UsesScanId()
            ? $"{root}/sa-predictions/apps/{escapedAppId}/plugins/{Plugin}/generate"
            : $"{root}/predictions/{Plugin}/generate");
    }

    public SkinLiteApi Api { get; }

    public Uri Submit { get; }

    public bool UsesScanId => Api.UsesScanId();

    public static Routes Create(SkinLiteApi api, Uri baseAddress, string? appId, bool allowInsecureHttp)
    {
        if (Problem(baseAddress, "The base address", allowInsecureHttp) is { } problem)
        {
            throw new ArgumentException(problem, nameof(baseAddress));
        }

        string root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string? escapedAppId = api.UsesScanId()
            ? IdSegment.Escape(appId, "AppId")
            : null;
        return new Routes(api, root, escapedAppId);
    }

    /// <summary>
    /// Why <paramref name="address"/> cannot be a base address, or <see langword="null"/>: it must be an absolute http or
    /// https URL without credentials in it (<c>user:password@</c>), which would travel with every request and show in
    /// every error and log line; and plain http only to loopback unless <paramref name="allowInsecureHttp"/>, because
    /// every request carries the access key. The message never repeats such credentials. Nothing here resolves a name.
    /// </summary>
    public static string? Problem(Uri address, string label, bool allowInsecureHttp) =>
        address.IsAbsoluteUri && address.UserInfo.Length > 0
            ? $"{label} carries credentials (user:password@); remove them: SkinLite sends its own access key and never puts a password in a URL, where errors and logs would show it."
            : !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
                ? $"{label} '{address}' is not an absolute http or https URL."
                : !allowInsecureHttp && IsCleartextOffMachine(address)
                    ? $"{label} '{address.GetLeftPart(UriPartial.Authority)}' is plain http to a host that is not this machine: the access key would cross the network unencrypted. Use https, or opt in to plain http explicitly with the AllowInsecureHttp option."
                    : null;

    /// <summary>Plain http to anything but loopback, judged from the address alone (a name is never looked up).</summary>
    public static bool IsCleartextOffMachine(Uri address) => address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback;

    /// <summary>The result address of a job of this family (checked by the caller), built on the first poll of the handle.</summary>
    public Uri Result(SkinAnalysisJob job) => _jobResults.GetValue(job, _buildJobResult);

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
