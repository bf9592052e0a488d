using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkinLite;

/// <summary>
/// Submits face images to the Skin Analysis service and fetches their outcome. Thread-safe; share one per
/// <see cref="HttpClient"/>. Every method is virtual so that tests can replace it.
/// </summary>
public partial class SkinLiteClient
{
    private readonly ServiceChannel _channel = null!;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly PollingOptions _polling = new();
    private readonly bool _skipPreflight;

    /// <summary>For mocking frameworks only; a client made this way cannot send anything.</summary>
    protected SkinLiteClient()
    {
        ProcessingTimes = new ProcessingTimes(_polling, SkinLiteApi.Private);
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/> with these settings.</summary>
    /// <param name="httpClient">The client to send with; SkinLite never disposes it.</param>
    /// <param name="options">The route family, base address, app id and credential; copied, so later changes do not apply.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
    public SkinLiteClient(HttpClient httpClient, SkinLiteClientOptions options)
        : this(httpClient, options, null, null)
    {
    }

    /// <summary>Creates a client that takes every delay from <paramref name="timeProvider"/> and logs to <paramref name="loggerFactory"/>.</summary>
    /// <param name="httpClient">The client to send with; SkinLite never disposes it.</param>
    /// <param name="options">The route family, base address, app id, credential and polling policy; copied, so later changes do not apply.</param>
    /// <param name="timeProvider">The clock and timers of every wait; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where to log; nowhere when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
    public SkinLiteClient(HttpClient httpClient, SkinLiteClientOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _polling = options.Polling.Clone();
        _skipPreflight = options.SkipPreflight;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger("SkinLite") ?? NullLogger.Instance;
        var routes = Routes.Create(options.Api, options.Api.ResolveBaseAddress(options.BaseAddress ?? httpClient.BaseAddress ?? options.Api.DefaultBaseAddress()), options.AppId, options.AllowInsecureHttp);
        var channel = new ChannelSettings(
            options.AppId, options.Credential!, options.SendCredentialAsIs, options.MaxResponseBytes, options.SubmitRetries, options.SubmitTimeout,
            _polling.RequestTimeout, _polling.RetryAfterFloor, _polling.RetryAfterCeiling);
        _channel = new ServiceChannel(httpClient, routes, channel, _time, _logger);
        ProcessingTimes = new ProcessingTimes(_polling, options.Api, _logger);
    }

    /// <summary>
    /// The processing times this client learned from the jobs it watched (its route family's), from which fresh jobs
    /// are polled when <see cref="PollingOptions.Adaptive"/> is on: read them, export them, or seed a new client.
    /// </summary>
    public ProcessingTimes ProcessingTimes { get; }

    /// <summary>The route family this client talks to.</summary>
    public virtual SkinLiteApi Api => _channel.Routes.Api;

    /// <summary>
    /// The gate all of this client's submits pass (one pace for the whole client). Its <see cref="SubmitPace.Throttled"/>
    /// event tells a batch when the service began a pause, so that its <see cref="AdaptiveConcurrencyLimit"/> can react.
    /// </summary>
    internal SubmitPace SubmitPace => _channel.Pace;

    /// <summary>Submits the image file at <paramref name="imagePath"/>, streamed from disk.</summary>
    /// <param name="imagePath">A PNG or JPEG file.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="FileNotFoundException">There is no such file; nothing was sent.</exception>
    /// <exception cref="ArgumentException">The path is a directory or the file is empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload, could not be reached, or did not answer within <see cref="SkinLiteClientOptions.SubmitTimeout"/>; <see cref="SkinLiteException.JobMayExist"/> says whether the job may exist anyway.</exception>
    public virtual Task<SkinAnalysisJob> SubmitAsync(string imagePath, CancellationToken cancellationToken = default)
    {
        using (FileStream probe = ImageFile.Open(imagePath))
        {
            EnsurePassesPreflight(probe);
        }

        return _channel.SubmitAsync(
            ct => ImageUploadContent.CreateAsync(ImageFile.Open(imagePath), ownsSource: true, ct),
            Path.GetFileName(imagePath),
            retryable: true,
            cancellationToken);
    }

    /// <summary>
    /// Submits an image read from <paramref name="image"/>, from its current position, streamed. The stream is left open.
    /// The preflight reads the image first (synchronously): a seekable stream is checked whole and rewound; a stream that
    /// cannot seek is checked up to its image data (see <see cref="ImagePreflight.Check(Stream)"/>), and the bytes read are kept and sent first.
    /// </summary>
    /// <param name="image">The PNG or JPEG bytes.</param>
    /// <param name="fileName">The file name to declare; defaults to <c>image.png</c> or <c>image.jpg</c> by content.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="ArgumentException">The stream is unreadable or empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload, could not be reached, or did not answer within <see cref="SkinLiteClientOptions.SubmitTimeout"/>; <see cref="SkinLiteException.JobMayExist"/> says whether the job may exist anyway.</exception>
    public virtual Task<SkinAnalysisJob> SubmitAsync(Stream image, string? fileName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!_skipPreflight && image.CanRead && !image.CanSeek)
        {
            // The header bytes the preflight reads are gone from a stream that cannot seek: keep them and send them first.
            var replay = new HeaderReplayStream(image);
            EnsurePassesPreflight(replay);
            replay.Replay();
            image = replay;
        }
        else
        {
            EnsurePassesPreflight(image);
        }

        // A retry must send the same bytes again: only a stream that can seek back to its start can give them.
        long start = image.CanSeek ? image.Position : -1;
        return _channel.SubmitAsync(
            ct =>
            {
                if (start >= 0)
                {
                    image.Position = start;
                }

                // The replay wrapper is ours to dispose (it frees the kept header, never the caller's stream).
                return ImageUploadContent.CreateAsync(image, ownsSource: image is HeaderReplayStream, ct);
            },
            fileName,
            retryable: start >= 0,
            cancellationToken);
    }

    /// <summary>Submits an image held in memory.</summary>
    /// <param name="image">The PNG or JPEG bytes.</param>
    /// <param name="fileName">The file name to declare; defaults to <c>image.png</c> or <c>image.jpg</c> by content.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="ArgumentException">The image is empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload, could not be reached, or did not answer within <see cref="SkinLiteClientOptions.SubmitTimeout"/>; <see cref="SkinLiteException.JobMayExist"/> says whether the job may exist anyway.</exception>
    public virtual Task<SkinAnalysisJob> SubmitAsync(ReadOnlyMemory<byte> image, string? fileName = null, CancellationToken cancellationToken = default)
    {
        if (image.IsEmpty)
        {
            throw new ArgumentException("The image is empty (0 bytes); nothing was sent.", nameof(image));
        }

        if (!_skipPreflight)
        {
            ThrowIfInvalid(ImagePreflight.Check(image.Span));
        }

        return _channel.SubmitAsync(_ => Task.FromResult(ImageUploadContent.FromMemory(image)), fileName, retryable: true, cancellationToken);
    }

    /// <summary>Fetches the outcome of a job once.</summary>
    /// <param name="job">The handle <see cref="SubmitAsync(string, CancellationToken)"/> returned, or one rebuilt from saved ids.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another route family, or an id is unsafe; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached; or the answer was not complete within <see cref="PollingOptions.RequestTimeout"/> (a <see cref="SkinLiteTransportException"/> whose <c>IsTimeout</c> is set).</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(SkinAnalysisJob job, CancellationToken cancellationToken = default)
    {
        return _channel.GetOutcomeOnceAsync(_channel.ResultUri(job), cancellationToken);
    }

    /// <summary>Fetches the outcome of a job once from its bare ids (private and platform families).</summary>
    /// <param name="scanId">The scan id.</param>
    /// <param name="predictionId">The prediction id (<c>_id</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">An id is empty or unsafe, or this client talks to the transformation family; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached; or the answer was not complete within <see cref="PollingOptions.RequestTimeout"/> (a <see cref="SkinLiteTransportException"/> whose <c>IsTimeout</c> is set).</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(string scanId, string predictionId, CancellationToken cancellationToken = default)
    {
        if (!_channel.Routes.UsesScanId)
        {
            throw new ArgumentException("The transformation family has no scan id; call GetOutcomeAsync(predictionId).", nameof(scanId));
        }

        return _channel.GetOutcomeOnceAsync(_channel.Routes.Result(null, scanId, predictionId), cancellationToken);
    }

    /// <summary>Fetches the outcome of a job once from its prediction id (transformation family).</summary>
    /// <param name="predictionId">The prediction id (<c>_id</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">The id is empty or unsafe, or this client's family needs a scan id too; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached; or the answer was not complete within <see cref="PollingOptions.RequestTimeout"/> (a <see cref="SkinLiteTransportException"/> whose <c>IsTimeout</c> is set).</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(string predictionId, CancellationToken cancellationToken = default)
    {
        if (_channel.Routes.UsesScanId)
        {
            throw new ArgumentException($"The {_channel.Routes.Api} family needs a scan id too; call GetOutcomeAsync(scanId, predictionId).", nameof(predictionId));
        }

        return _channel.GetOutcomeOnceAsync(_channel.Routes.Result(null, null, predictionId), cancellationToken);
    }

    private void EnsurePassesPreflight(Stream image)
    {
        if (!_skipPreflight && image.CanRead)
        {
            ThrowIfInvalid(ImagePreflight.Check(image));
        }
    }

    private static void ThrowIfInvalid(ImagePreflightResult result)
    {
        // An empty image keeps its ArgumentException from the upload path: it is a caller mistake, not an image the service would judge.
        if (!result.IsValid && !(result.Reason == RejectionReason.UnreadableImage && result.Info.FileSize == 0))
        {
            throw new SkinLitePreflightException(result);
        }
    }
}
