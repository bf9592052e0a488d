using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SkinLite;

/// <summary>
/// Submits face images to the Skin Analysis service and fetches their outcome. Thread-safe; share one per
/// <see cref="HttpClient"/>. Every method is virtual so that tests can replace it.
/// </summary>
public partial class SkinLiteClient
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http = null!;
    private readonly Routes _routes = null!;
    private readonly AuthenticationHeaderValue _authorization = null!;
    private readonly CredentialRedactor _redactor = null!;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly PollingOptions _polling = new();
    private readonly string? _appId;
    private readonly long _maxResponseBytes;
    private readonly int _submitConnectRetries;
    private readonly bool _skipPreflight;

    /// <summary>For mocking frameworks only; a client made this way cannot send anything.</summary>
    protected SkinLiteClient()
    {
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
        _submitConnectRetries = options.SubmitConnectRetries;
        _skipPreflight = options.SkipPreflight;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger("SkinLite") ?? NullLogger.Instance;
        _http = httpClient;
        _appId = options.AppId;
        _maxResponseBytes = options.MaxResponseBytes;
        _routes = Routes.Create(options.Api, options.BaseAddress ?? httpClient.BaseAddress ?? options.Api.DefaultBaseAddress(), options.AppId);
        (_authorization, _redactor) = BearerHeader.Create(options.Credential!, options.SendCredentialAsIs);
    }

    /// <summary>The route family this client talks to.</summary>
    public virtual SkinLiteApi Api => _routes.Api;

    /// <summary>Submits the image file at <paramref name="imagePath"/>, streamed from disk.</summary>
    /// <param name="imagePath">A PNG or JPEG file.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="FileNotFoundException">There is no such file; nothing was sent.</exception>
    /// <exception cref="ArgumentException">The path is a directory or the file is empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload or could not be reached.</exception>
    public virtual Task<SkinAnalysisJob> SubmitAsync(string imagePath, CancellationToken cancellationToken = default)
    {
        using (FileStream probe = ImageFile.Open(imagePath))
        {
            EnsurePassesPreflight(probe);
        }

        return SubmitWithRetriesAsync(
            ct => ImageUploadContent.CreateAsync(ImageFile.Open(imagePath), ownsSource: true, ct),
            Path.GetFileName(imagePath),
            cancellationToken,
            retryable: true);
    }

    /// <summary>
    /// Submits an image read from <paramref name="image"/>, from its current position, streamed. The stream is left open.
    /// The preflight reads the header first (synchronously); from a stream that cannot seek those bytes are kept and sent first.
    /// </summary>
    /// <param name="image">The PNG or JPEG bytes.</param>
    /// <param name="fileName">The file name to declare; defaults to <c>image.png</c> or <c>image.jpg</c> by content.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="ArgumentException">The stream is unreadable or empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload or could not be reached.</exception>
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
        return SubmitWithRetriesAsync(
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
            cancellationToken,
            retryable: start >= 0);
    }

    /// <summary>Submits an image held in memory.</summary>
    /// <param name="image">The PNG or JPEG bytes.</param>
    /// <param name="fileName">The file name to declare; defaults to <c>image.png</c> or <c>image.jpg</c> by content.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The handle of the new job (status <c>ACCEPTED</c>).</returns>
    /// <exception cref="ArgumentException">The image is empty; nothing was sent.</exception>
    /// <exception cref="SkinLitePreflightException">The image breaks the service's rules (see <see cref="ImagePreflight"/>); nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service refused the upload or could not be reached.</exception>
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

        return SubmitWithRetriesAsync(_ => Task.FromResult(ImageUploadContent.FromMemory(image)), fileName, cancellationToken, retryable: true);
    }

    /// <summary>Fetches the outcome of a job once.</summary>
    /// <param name="job">The handle <see cref="SubmitAsync(string, CancellationToken)"/> returned, or one rebuilt from saved ids.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another route family, or an id is unsafe; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached.</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(SkinAnalysisJob job, CancellationToken cancellationToken = default)
    {
        return GetOutcomeCoreAsync(ResultUri(job), cancellationToken);
    }

    /// <summary>Fetches the outcome of a job once from its bare ids (private and platform families).</summary>
    /// <param name="scanId">The scan id.</param>
    /// <param name="predictionId">The prediction id (<c>_id</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">An id is empty or unsafe, or this client talks to the transformation family; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached.</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(string scanId, string predictionId, CancellationToken cancellationToken = default)
    {
        if (!_routes.UsesScanId)
        {
            throw new ArgumentException("The transformation family has no scan id; call GetOutcomeAsync(predictionId).", nameof(scanId));
        }

        return GetOutcomeCoreAsync(_routes.Result(null, scanId, predictionId), cancellationToken);
    }

    /// <summary>Fetches the outcome of a job once from its prediction id (transformation family).</summary>
    /// <param name="predictionId">The prediction id (<c>_id</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Pending, succeeded, rejected or failed.</returns>
    /// <exception cref="ArgumentException">The id is empty or unsafe, or this client's family needs a scan id too; nothing was sent.</exception>
    /// <exception cref="SkinLiteException">The service answered an error, an unreadable document, or could not be reached.</exception>
    public virtual Task<AnalysisOutcome> GetOutcomeAsync(string predictionId, CancellationToken cancellationToken = default)
    {
        if (_routes.UsesScanId)
        {
            throw new ArgumentException($"The {_routes.Api} family needs a scan id too; call GetOutcomeAsync(scanId, predictionId).", nameof(predictionId));
        }

        return GetOutcomeCoreAsync(_routes.Result(null, null, predictionId), cancellationToken);
    }

    /// <summary>One poll: the outcome and the wait the answer asked for (honoured by <see cref="WaitAsync(SkinAnalysisJob, PollingOptions?, CancellationToken)"/>).</summary>
    internal async Task<(AnalysisOutcome Outcome, TimeSpan? RetryAfter)> PollAsync(SkinAnalysisJob job, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ResultUri(job));
        (PooledBody body, TimeSpan? retryAfter) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return (ReadOutcome(body), retryAfter);
        }
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

    private Uri ResultUri(SkinAnalysisJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Api != _routes.Api)
        {
            throw new ArgumentException($"The job was submitted on the {job.Api} route family; this client talks to {_routes.Api}.", nameof(job));
        }

        return _routes.Result(job);
    }

    private async Task<AnalysisOutcome> GetOutcomeCoreAsync(Uri resultUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, resultUri);
        (PooledBody body, _) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            return ReadOutcome(body);
        }
    }

    /// <summary>
    /// Submits, retrying only when the connection could not be made at all: then the request provably never reached
    /// the server, whereas any later failure may already have started a paid analysis. Each attempt gets new content.
    /// </summary>
    private async Task<SkinAnalysisJob> SubmitWithRetriesAsync(Func<CancellationToken, Task<ImageUploadContent>> createContent, string? fileName, CancellationToken cancellationToken, bool retryable)
    {
        int retries = retryable ? _submitConnectRetries : 0;
        using Activity? activity = Telemetry.Source.StartActivity("SkinLite.Submit", ActivityKind.Client);
        activity?.SetTag("skinlite.api", _routes.Api.ToString());
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                // HttpClient hands a cancelled token to its handler as it is: only this check keeps a cancelled submit from sending.
                cancellationToken.ThrowIfCancellationRequested();
                activity?.SetTag("skinlite.attempts", attempt);
                ImageUploadContent content = await createContent(cancellationToken).ConfigureAwait(false);
                try
                {
                    SkinAnalysisJob job = await SubmitContentAsync(content, fileName, cancellationToken).ConfigureAwait(false);
                    Telemetry.TagJob(activity, job);
                    Log.Submitted(_logger, job.Api, job.PredictionId, job.ScanId);
                    return job;
                }
                catch (SkinLiteTransportException ex) when (attempt <= retries && NeverReachedServer(ex))
                {
                    TimeSpan delay = TimeSpan.FromSeconds(attempt);
                    Log.SubmitRetry(_logger, attempt, delay.TotalMilliseconds, ex);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private static bool NeverReachedServer(SkinLiteTransportException error) =>
        !error.IsTimeout && error.Error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private async Task<SkinAnalysisJob> SubmitContentAsync(ImageUploadContent image, string? fileName, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        image.Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
        image.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"input.image\"",
            FileName = $"\"{UploadFileName.Sanitize(fileName, ImageSignature.DefaultFileName(image.MediaType))}\"",
        };
        form.Add(image);
        using var request = new HttpRequestMessage(HttpMethod.Post, _routes.Submit) { Content = form };
        (PooledBody body, _) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            try
            {
                return SubmitAnswerReader.Read(body.Span, _routes.Api, _appId);
            }
            catch (SkinLiteProtocolException ex)
            {
                throw ex.Redacted(_redactor);
            }
        }
    }

    /// <summary>Classifies a result body; an unreadable one may echo the credential, so its error is redacted.</summary>
    private AnalysisOutcome ReadOutcome(PooledBody body)
    {
        try
        {
            return _redactor.Redact(PredictionDocumentReader.Read(body.Span));
        }
        catch (SkinLiteProtocolException ex)
        {
            throw ex.Redacted(_redactor);
        }
    }

    /// <summary>
    /// Sends one request and reads its 2xx body within the cap, with the wait the answer asked for. Every failure leaves
    /// as a <see cref="SkinLiteException"/>, or as the caller's own cancellation.
    /// </summary>
    private async Task<(PooledBody Body, TimeSpan? RetryAfter)> ExchangeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient hands an already-cancelled token to the handler chain, and a handler may start sending before it
        // looks: a caller who has cancelled must send nothing, least of all a paid submit.
        cancellationToken.ThrowIfCancellationRequested();
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(AcceptJson);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ApiErrorReader.ReadAsync(response, _redactor, _time, cancellationToken).ConfigureAwait(false);
            }

            TimeSpan? retryAfter = RetryAfterHeader.Parse(response.Headers, _time.GetUtcNow());
            return (await ResponseBody.ReadAsync(response.Content, _maxResponseBytes, cancellationToken).ConfigureAwait(false), retryAfter);
        }
        catch (HttpRequestException ex)
        {
            throw new SkinLiteTransportException($"{Describe(request)} failed: {_redactor.Redact(ex.Message)}", ex.HttpRequestError, isTimeout: false, ex);
        }
        catch (IOException ex)
        {
            throw new SkinLiteTransportException($"{Describe(request)} lost its connection while reading the answer: {_redactor.Redact(ex.Message)}", HttpRequestError.ResponseEnded, isTimeout: false, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SkinLiteTransportException($"{Describe(request)} timed out (HttpClient.Timeout is {_http.Timeout}).", HttpRequestError.Unknown, isTimeout: true, ex);
        }
    }

    private static string Describe(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
