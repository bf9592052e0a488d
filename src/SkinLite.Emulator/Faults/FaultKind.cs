namespace SkinLite.Emulator;

/// <summary>One thing that can happen to one request. The names in <see cref="FaultKinds"/> are the ones a plan is written with.</summary>
internal enum FaultKind
{
    Ok = 0,
    TooManyRequests,
    InternalServerError,
    BadGateway,
    ServiceUnavailable,
    Slow,
    Drop,
    Truncate,
    Malformed,
    Failure,
    TooManyRequestsBare,
}
