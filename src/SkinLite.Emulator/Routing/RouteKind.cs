namespace SkinLite.Emulator;

/// <summary>What a request path asks for.</summary>
internal enum RouteKind
{
    NotFound = 0,
    Submit,
    Result,

    /// <summary><c>GET /emulator/stats</c>: the emulator's counters, a test hook that draws no fault.</summary>
    Stats,

    /// <summary><c>GET /emulator/outputs/{predictionId}/{file}</c> or <c>/emulator/inputs/{predictionId}/image/{file}</c>: an image a result references, as a CDN serves it (no credential).</summary>
    Asset,
}
