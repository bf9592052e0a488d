namespace SkinLite.Emulator;

/// <summary>A request path matched against the three families' submit and result routes, with its ids unescaped.</summary>
internal readonly record struct EmulatorRoute(RouteKind Kind, SkinLiteApi Api, string? AppId, string? ScanId, string? PredictionId)
{
    /// <summary>The asset's file name, for <see cref="RouteKind.Asset"/> (kept in <see cref="AppId"/>'s place would confuse: its own member).</summary>
    public string? AssetFile { get; init; }

    /// <summary>The method the route takes: POST to submit, GET to fetch.</summary>
    public string Method => Kind == RouteKind.Submit ? "POST" : "GET";

    public static EmulatorRoute Match(string absolutePath)
    {
        if (absolutePath == SkinAnalysisEmulator.StatsPath)
        {
            return new EmulatorRoute(RouteKind.Stats, default, null, null, null);
        }

        if (absolutePath.StartsWith(SkinAnalysisEmulator.AssetsPath, StringComparison.Ordinal))
        {
            string[] parts = [.. absolutePath[SkinAnalysisEmulator.AssetsPath.Length..].Split('/').Select(Uri.UnescapeDataString)];
            bool output = parts is ["outputs", { Length: > 0 }, { Length: > 0 }];
            bool input = parts is ["inputs", { Length: > 0 }, "image", { Length: > 0 }];
            return output || input
                ? new EmulatorRoute(RouteKind.Asset, default, null, null, parts[1]) { AssetFile = parts[^1] }
                : default;
        }

        foreach (SkinLiteApi api in SkinLiteApiExtensions.All)
        {
            string prefix = api.BasePath();
            if (absolutePath.Length > prefix.Length && absolutePath.StartsWith(prefix, StringComparison.Ordinal) && absolutePath[prefix.Length] == '/')
            {
                string[] segments = absolutePath[(prefix.Length + 1)..].Split('/');
                for (int i = 0; i < segments.Length; i++)
                {
                    segments[i] = Uri.UnescapeDataString(segments[i]);
                }

                return api.UsesScanId() ? MatchScans(api, segments) : MatchPredictions(api, segments);
            }
        }

        return default;
    }

    private static EmulatorRoute MatchScans(SkinLiteApi api, string[] s)
    {
        bool plugin = s.Length >= 6 && s[0] == "sa-predictions" && s[1] == "apps" && s[2].Length > 0 && s[3] == "plugins" && s[4] == SkinLiteApiExtensions.PluginName;
        if (plugin && s.Length == 6 && s[5] == "generate")
        {
            return new EmulatorRoute(RouteKind.Submit, api, s[2], null, null);
        }

        if (plugin && s.Length == 8 && s[5] == "scans" && s[6].Length > 0 && s[7].Length > 0)
        {
            return new EmulatorRoute(RouteKind.Result, api, s[2], s[6], s[7]);
        }

        return default;
    }

    private static EmulatorRoute MatchPredictions(SkinLiteApi api, string[] s)
    {
        if (s.Length == 3 && s[0] == "predictions" && s[1] == SkinLiteApiExtensions.PluginName && s[2] == "generate")
        {
            return new EmulatorRoute(RouteKind.Submit, api, null, null, null);
        }

        if (s.Length == 2 && s[0] == "predictions" && s[1].Length > 0)
        {
            return new EmulatorRoute(RouteKind.Result, api, null, null, s[1]);
        }

        return default;
    }
}
