namespace SkinLite.Emulator;

/// <summary>What a request path asks for.</summary>
internal enum RouteKind
{
    NotFound = 0,
    Submit,
    Result,

    /// <summary><c>GET /emulator/stats</c>: the emulator's counters, a test hook that draws no fault.</summary>
    Stats,
}
