namespace SkinLite.Emulator;

/// <summary>What a request path asks for.</summary>
internal enum RouteKind
{
    NotFound = 0,
    Submit,
    Result,
}
