using System.Diagnostics;
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
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly CredentialRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _appId;
    private readonly long _maxResponseBytes;
    private readonly int _submitConnectRetries;

    public ServiceChannel(HttpClient http, Routes routes, string? appId, string credential, bool sendCredentialAsIs, long maxResponseBytes, int submitConnectRetries, TimeProvider time, ILogger logger)
    {
        _http = http;
        Routes = routes;
        _appId = appId;
        (_authorization, _redactor) = BearerHeader.Create(credential, sendCredentialAsIs);
        _maxResponseBytes = maxResponseBytes;
        _submitConnectRetries = submitConnectRetries;
        _time = time;
        _logger = logger;
    }

    public Routes Routes { get; }

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
    public async ValueTask<(AnalysisOutcome Outcome, TimeSpan? RetryAfter)> GetOutcomeAsync(Uri resultUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, resultUri);
        (PooledBody body, TimeSpan? retryAfter) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            try
            {
                return (Redact(PredictionDocumentReader.Read(body.Span)), retryAfter);
            }
            catch (SkinLiteProtocolException ex)
            {
                throw Redact(ex);
            }
        }
    }

    /// <summary>
    /// Submits, retrying only when the connection could not be made at all: then the request provably never reached
    /// the server, whereas any later failure may already have started a paid analysis. Each attempt gets new content.
    /// </summary>
    public async Task<SkinAnalysisJob> SubmitAsync(Func<CancellationToken, Task<ImageUploadContent>> createContent, string? fileName, bool retryable, CancellationToken cancellationToken)
    {
        int retries = retryable ? _submitConnectRetries : 0;
        using Activity? activity = Telemetry.Source.StartActivity("SkinLite.Submit", ActivityKind.Client);
        activity?.SetTag("skinlite.api", Routes.Api.ToString());
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
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Submit) { Content = form };
        (PooledBody body, _) = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        using (body)
        {
            try
            {
                return SubmitAnswerReader.Read(body.Span, Routes.Api, _appId);
            }
            catch (SkinLiteProtocolException ex)
            {
                throw Redact(ex);
            }
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

    /// <summary>An outcome's message is the service's own text and may echo the request.</summary>
    private AnalysisOutcome Redact(AnalysisOutcome outcome)
    {
        string? message = _redactor.Redact(outcome.Message);
        if (ReferenceEquals(message, outcome.Message))
        {
            return outcome;
        }

        return outcome.Kind == OutcomeKind.Rejected
            ? AnalysisOutcome.Rejected(outcome.Status, message, outcome.StatusCode)
            : AnalysisOutcome.Failed(outcome.Status, message, outcome.StatusCode);
    }

    /// <summary>An unreadable body may echo the credential into the error's message and excerpt.</summary>
    private SkinLiteProtocolException Redact(SkinLiteProtocolException error) =>
        error.WithText(_redactor.Redact(error.Message)!, _redactor.Redact(error.BodyExcerpt));

    private static string Describe(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
