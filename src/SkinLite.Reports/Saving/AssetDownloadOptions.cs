namespace SkinLite.Reports;

/// <summary>How <see cref="AssetDownloader"/> fetches the images of a document. The defaults suit the service's CDN.</summary>
public sealed class AssetDownloadOptions
{
    /// <summary>How many images are downloaded at once (default 4).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>The largest image accepted, in bytes (default 20 MB): a larger one is not saved, and is never held in memory.</summary>
    public long MaxBytesPerFile { get; init; } = 20L * 1024 * 1024;

    /// <summary>How long one attempt at one image may take, headers and body (default 60 seconds). A timed-out attempt is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many times an image is tried (default 3). Retried: HTTP 408, 429 and 5xx (after the host's Retry-After, up to a
    /// few seconds), a broken connection and a timed-out attempt; anything else fails at once.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How many redirects one image may follow (default 5). Each must lead to https.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Whether plain http is fetched from loopback (127.0.0.0/8, ::1, localhost), as the emulator serves (default true). Any other http URL is refused.</summary>
    public bool AllowLoopbackHttp { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    internal void Validate()
    {
        if (MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be between 1 and 64.");
        }

        if (MaxBytesPerFile < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBytesPerFile), MaxBytesPerFile, "MaxBytesPerFile must be at least 1 byte.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be more than zero and at most an hour.");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be between 1 and 10.");
        }

        if (MaxRedirects is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRedirects), MaxRedirects, "MaxRedirects must be between 0 and 20.");
        }
    }
}
