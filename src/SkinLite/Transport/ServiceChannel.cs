using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace SkinLite;

/// <summary>
/// The client's one way to the service: builds each request (address, bearer header, <c>Accept</c>), sends it, reads the
/// answer within the size cap, maps every failure to a <see cref="SkinLiteException"/>, and removes the credential from
/// everything that came back from the network. All credential redaction happens here, at the exits of this class.
/// </summary>
internal sealed class ServiceChannel
{
    private const string AcceptJson = "application/json";

    private readonly HttpClient _http;
    // The header's text, formatted once: set as a parsed value, HttpClient would format it again for every request.
    private readonly string _authorization;
    private readonly CredentialRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _appId;
    private readonly long _maxResponseBytes;
    private readonly int _submitRetries;
    private readonly TimeSpan _submitTimeout;
    private readonly TimeSpan _requestTimeout;

    public ServiceChannel(HttpClient http, Routes routes, ChannelSettings settings, TimeProvider time, ILogger logger)
    {
        _http = http;
        Routes = routes;
        _appId = settings.AppId;
        (AuthenticationHeaderValue authorization, _redactor) = BearerHeader.Create(settings.Credential, settings.SendCredentialAsIs);
        _authorization = authorization.ToString();
        _maxResponseBytes = settings.MaxResponseBytes;
        _submitRetries = settings.SubmitRetries;
        _submitTimeout = settings.SubmitTimeout;
        _requestTimeout = settings.RequestTimeout;
        _time = time;
        _logger = logger;
        Pace = new SubmitPace(time, settings.RetryAfterFloor, settings.RetryAfterCeiling);
    }

    public Routes Routes { get; }

    /// <summary>
    /// The gate every submit of this channel (one per client) passes before each attempt; its <see cref="SubmitPace.Throttled"/>
    /// event is the hook for a caller that adapts its concurrency to the service (the batch).
    /// </summary>
    public SubmitPace Pace { get; }

    /// <summary>When each job this channel submitted was answered: where a fresh job's learned times start.</summary>
    public SubmitMoments Submitted { get; } = new();

    /// <summary>The result address of a job, after checking that it belongs to this channel's family.</summary>
    public Uri ResultUri(SkinAnalysisJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Api != Routes.Api)
        {
            throw new ArgumentException($"The job was submitted on the {job.Api} route family; this client talks to {Routes.Api}.", nameof(job));
        }

        return Routes.Result(job);
    }

    /// <summary>Fetches and classifies a result document once, with the wait the answer asked for (<c>Retry-After</c>).</summary>
    /// <remarks>
    /// The one fetch behind both a single poll and every poll of a wait. Its state machine comes from a pool: the callers
    /// await it in their own async methods, and one more box per poll showed as +150 B in the poll benchmarks.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(AnalysisOutcome Outcome, TimeSpan? RetryAfter)> GetOutcomeAsync(Uri resultUri, CancellationToken cancellationToken, TerminalDocument? keep = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, resultUri);
        (PooledBody body, TimeSpan? retryAfter) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            try
            {
                AnalysisOutcome outcome = Redact(PredictionDocumentReader.Read(body.Span));
                keep?.Keep(outcome, body.Span);
                return (outcome, retryAfter);
            }
            catch (SkinLiteProtocolException ex)
            {
                throw Redact(ex);
            }
        }
    }

    /// <summary>
    /// Fetches a result document once, within <see cref="PollingOptions.RequestTimeout"/> from the first byte sent to the
    /// last byte read: a server that trickles its answer, lies about its length or never ends it cannot hold the caller.
    /// A wait bounds its polls itself and calls <see cref="GetOutcomeAsync"/> directly.
    /// </summary>
    public async Task<AnalysisOutcome> GetOutcomeOnceAsync(Uri resultUri, CancellationToken cancellationToken)
    {
        using var limit = new TimeLimit(_requestTimeout, _time, cancellationToken);
        try
        {
            return (await GetOutcomeAsync(resultUri, limit.Token).ConfigureAwait(false)).Outcome;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (limit.Expired(cancellationToken))
        {
            throw new SkinLiteTransportException(
                $"GET {resultUri.GetLeftPart(UriPartial.Path)} got no complete answer within {Seconds(_requestTimeout)} (PollingOptions.RequestTimeout).",
                HttpRequestError.Unknown, isTimeout: true, ex);
        }
    }

    /// <summary>
    /// Submits, and submits again only when the failure proves that no job was created (see
    /// <see cref="ProvesNothingCreated"/>): any other failure may follow a job the service already started, and a second
    /// submit is a second paid analysis. Each attempt gets new content and its own <see cref="SkinLiteClientOptions.SubmitTimeout"/>.
    /// An error after which the job may exist is marked (<see cref="SkinLiteException.JobMayExist"/>).
    /// </summary>
    public async Task<SkinAnalysisJob> SubmitAsync(Func<CancellationToken, Task<ImageUploadContent>> createContent, string? fileName, bool retryable, CancellationToken cancellationToken)
    {
        int retries = retryable ? _submitRetries : 0;
        int charged = 0;
        int uncharged = 0;
        using Activity? activity = Telemetry.Source.StartActivity("SkinLite.Submit", ActivityKind.Client);
        activity?.SetTag("skinlite.api", Routes.Api.ToString());
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                // HttpClient hands a cancelled token to its handler as it is: only this check keeps a cancelled submit from sending.
                cancellationToken.ThrowIfCancellationRequested();

                // The client-wide pace: a refusal seen by any submit of this client holds every submit until its moment.
                long ticket = await Pace.WaitAsync(cancellationToken).ConfigureAwait(false);
                activity?.SetTag("skinlite.attempts", attempt);
                ImageUploadContent content = await createContent(cancellationToken).ConfigureAwait(false);
                try
                {
                    SkinAnalysisJob job = await SubmitOnceAsync(content, fileName, cancellationToken).ConfigureAwait(false);
                    Pace.OnAccepted();
                    Telemetry.TagJob(activity, job);
                    Log.Submitted(_logger, job.Api, job.PredictionId, job.ScanId);
                    return job;
                }
                catch (SkinLiteException ex)
                {
                    if (!ProvesNothingCreated(ex, out TimeSpan? retryAfter))
                    {
                        throw ex.MarkJobMayExist();
                    }

                    if (!IsWorthRetrying(ex))
                    {
                        throw;
                    }

                    if (ex is SkinLiteApiException api)
                    {
                        // A 429, or a 503 that says when to come back: the whole client pauses, and this submit retries
                        // after the pause, at the gate. A refusal of a request that was in flight when another submit's
                        // refusal began the pause is not charged to this submit (it was sent before anyone knew), but
                        // such free retries are bounded by the same count, so a submit cannot go round for ever.
                        TimeSpan pause = Pace.OnThrottled(retryAfter, ticket, out bool news);
                        if (news ? charged++ >= retries : uncharged++ >= retries)
                        {
                            throw;
                        }

                        Log.SubmitThrottled(_logger, attempt, (int)api.StatusCode, pause.TotalMilliseconds, ex);
                        continue;
                    }

                    // A connection that was never made concerns this submit alone: it backs off by itself.
                    if (charged++ >= retries)
                    {
                        throw;
                    }

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

    /// <summary>
    /// Whether a failed submit provably created no job, and so may be sent again: the connection was never made, or
    /// the service refused the request itself (any 4xx, including a 429 that asks to come back later), or it said it
    /// is unavailable and when to come back (a 503 with <c>Retry-After</c>). A 503 without it, a 500, 502 or 504, a
    /// timeout, a cut or unreadable answer all may follow a job that was created.
    /// </summary>
    private static bool ProvesNothingCreated(SkinLiteException error, out TimeSpan? retryAfter)
    {
        retryAfter = (error as SkinLiteApiException)?.RetryAfter;
        return error switch
        {
            SkinLiteTransportException transport => NeverReachedServer(transport),
            SkinLiteApiException { StatusCode: HttpStatusCode.ServiceUnavailable, RetryAfter: not null } => true,
            SkinLiteApiException api => (int)api.StatusCode is >= 400 and < 500,
            _ => false,
        };
    }

    /// <summary>Whether a refusal that proves nothing was created is also worth sending again: the rest (400, 401, 413 ...) would be refused again.</summary>
    private static bool IsWorthRetrying(SkinLiteException error) =>
        error is SkinLiteTransportException or SkinLiteRateLimitException || error is SkinLiteApiException { StatusCode: HttpStatusCode.ServiceUnavailable };

    private static bool NeverReachedServer(SkinLiteTransportException error) =>
        !error.IsTimeout && error.Error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    /// <summary>One submit within <see cref="SkinLiteClientOptions.SubmitTimeout"/>, from the first byte of the upload to the last of the answer.</summary>
    private async Task<SkinAnalysisJob> SubmitOnceAsync(ImageUploadContent content, string? fileName, CancellationToken cancellationToken)
    {
        using var limit = new TimeLimit(_submitTimeout, _time, cancellationToken);
        try
        {
            return await SubmitContentAsync(content, fileName, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (limit.Expired(cancellationToken))
        {
            throw new SkinLiteTransportException(
                $"POST {Routes.Submit.GetLeftPart(UriPartial.Path)} got no complete answer within {Seconds(_submitTimeout)} (SkinLiteClientOptions.SubmitTimeout); it was not sent again.",
                HttpRequestError.Unknown, isTimeout: true, ex);
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

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
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Submit) { Content = form };
        (PooledBody body, _) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            SkinAnalysisJob job;
            try
            {
                job = SubmitAnswerReader.Read(body.Span, Routes.Api, _appId);
            }
            catch (SkinLiteProtocolException ex)
            {
                throw Redact(ex);
            }

            EnsureUsable(job, body.Span);
            Submitted.Record(job, _time.GetTimestamp());
            return job;
        }
    }

    /// <summary>
    /// Refuses, as a broken answer, ids that could not be polled: unsafe in a URL (<c>..</c>, a slash, an escape, a
    /// control character), or holding the access key, which would then travel in URLs and show in logs. Checked at once,
    /// while the submit is still the one to blame, rather than at the first poll. The result address is kept for the polls.
    /// </summary>
    private void EnsureUsable(SkinAnalysisJob job, ReadOnlySpan<byte> answer)
    {
        if (_redactor.Finds(job.PredictionId) || _redactor.Finds(job.ScanId))
        {
            throw Redact(SkinLiteProtocolException.Shape("submit answer", "its ids contain the access key; SkinLite will not put the key into a URL or a log", answer));
        }

        try
        {
            Routes.Result(job);
        }
        catch (ArgumentException unsafeId)
        {
            throw Redact(SkinLiteProtocolException.Shape("submit answer", $"an id cannot be polled: {unsafeId.Message.Replace($" (Parameter '{unsafeId.ParamName}')", "", StringComparison.Ordinal)}", answer));
        }
    }

    /// <summary>
    /// Sends one request and reads its 2xx body within the cap, with the wait the answer asked for. Every failure leaves
    /// as a <see cref="SkinLiteException"/>, or as the caller's own cancellation.
    /// </summary>
    /// <remarks>Its state machine comes from a pool: each caller awaits it once, at once.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(PooledBody Body, TimeSpan? RetryAfter)> ExchangeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient hands an already-cancelled token to the handler chain, and a handler may start sending before it
        // looks: a caller who has cancelled must send nothing, least of all a paid submit.
        cancellationToken.ThrowIfCancellationRequested();
        // Added as text (the request is new, so neither is there yet): the typed properties would cost a header
        // collection, a parsed entry and the formatted "Bearer ..." string per request. The wire bytes are the same.
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Accept", AcceptJson);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadApiErrorAsync(response, cancellationToken).ConfigureAwait(false);
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

    private async Task<SkinLiteApiException> ReadApiErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ApiErrorDetails said = await ApiErrorReader.ReadAsync(response, _time, cancellationToken).ConfigureAwait(false);
        ApiErrorDetails details = said with
        {
            ErrorCode = _redactor.Redact(said.ErrorCode),
            ServiceMessage = _redactor.Redact(said.ServiceMessage),
            BodyExcerpt = _redactor.Redact(said.BodyExcerpt),
            RequestId = _redactor.Redact(said.RequestId),
        };

        // The reason phrase and the address came from the network too: the whole message is redacted, not only the parts read from the body.
        return ApiExceptionFactory.Create(details, _redactor.Redact(ApiExceptionFactory.Describe(response, details))!);
    }

    /// <summary>
    /// An outcome's status and message are the service's own text and may echo the request; both go into logs, traces
    /// and exceptions. Checked on every poll, so the common case (nothing to mask) allocates nothing.
    /// </summary>
    private AnalysisOutcome Redact(AnalysisOutcome outcome)
    {
        string? status = _redactor.Redact(outcome.Status.Value);
        string? message = _redactor.Redact(outcome.Message);
        return ReferenceEquals(status, outcome.Status.Value) && ReferenceEquals(message, outcome.Message)
            ? outcome
            : outcome.WithText(new JobStatus(status!), message);
    }

    /// <summary>An unreadable body may echo the credential into the error's message and excerpt.</summary>
    private SkinLiteProtocolException Redact(SkinLiteProtocolException error) =>
        error.WithText(_redactor.Redact(error.Message)!, _redactor.Redact(error.BodyExcerpt));

    private static string Describe(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
