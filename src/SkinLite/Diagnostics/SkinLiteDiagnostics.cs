namespace SkinLite;

/// <summary>
/// The names under which SkinLite reports traces and metrics. Spans: <c>SkinLite.Submit</c> (one across its connect
/// retries; tags <c>skinlite.api</c>, <c>skinlite.attempts</c> and the job's ids) and <c>SkinLite.Wait</c> (tags the job's
/// ids, <c>skinlite.polls</c>, <c>skinlite.outcome</c>: succeeded, rejected, failed, timeout, cancelled or error, with
/// <c>skinlite.rejection_reason</c> or <c>skinlite.last_status</c> where they apply). A failed span has status Error and <c>error.type</c>.
/// Instruments: <c>skinlite.polls</c> (counter, tag <c>skinlite.status</c>), <c>skinlite.outcomes</c> (counter, tag
/// <c>skinlite.outcome</c>) and <c>skinlite.time_to_result</c> (histogram, seconds, tag <c>skinlite.outcome</c>).
/// The credential is never a tag.
/// </summary>
public static class SkinLiteDiagnostics
{
    /// <summary>The name of SkinLite's <see cref="System.Diagnostics.ActivitySource"/>: <c>SkinLite</c>.</summary>
    public const string ActivitySourceName = "SkinLite";

    /// <summary>The name of SkinLite's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>SkinLite</c>.</summary>
    public const string MeterName = "SkinLite";
}
