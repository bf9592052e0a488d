using System.Globalization;

namespace SkinLite.Emulator;

/// <summary>
/// An offline twin of the Skin Analysis service, like stripe-mock for Stripe: the three route families with the real
/// paths and documents, the real image rules and rejection messages, jobs that take time, deterministic synthetic
/// analyses, and injectable faults. Serve it in process with <see cref="CreateHandler"/>, or over loopback with
/// <c>SkinLite.Emulator.Server.EmulatorServer</c>. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { ProcessingTime = TimeSpan.Zero });
/// var client = new SkinLiteClient(new HttpClient(emulator.CreateHandler()), new SkinLiteClientOptions
/// {
///     BaseAddress = SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private),
///     AppId = SkinAnalysisEmulator.DefaultAppId,
///     Credential = SkinAnalysisEmulator.DefaultCredential,
/// });
/// </code>
/// </example>
public sealed class SkinAnalysisEmulator : IDisposable
{
    /// <summary>The access key the emulator accepts unless <see cref="EmulatorOptions.Credential"/> says otherwise.</summary>
    public const string DefaultCredential = "skinlite-emulator-key";

    /// <summary>An app id to use with the emulator; any non-empty app id is accepted.</summary>
    public const string DefaultAppId = "skinlite-emulator-app";

    /// <summary>Anywhere in the image bytes (e.g. appended to a valid image), this ASCII text makes the job a <c>No face detected</c> rejection.</summary>
    public const string NoFaceMarker = "SKINLITE-EMULATOR:NO-FACE";

    /// <summary>Anywhere in the image bytes, this ASCII text makes the job end with status <c>FAILURE</c> and the service's documented error.</summary>
    public const string FailureMarker = "SKINLITE-EMULATOR:FAILURE";

    /// <summary>
    /// The path of the emulator's counters, <c>GET /emulator/stats</c> on any origin (in process and on the server),
    /// with the same bearer as the API: JSON of <see cref="Stats"/>. It takes no latency, draws no fault and is not counted.
    /// </summary>
    public const string StatsPath = "/emulator/stats";

    /// <summary>Where the images a result references are served from: <c>outputs/{predictionId}/{file}</c> and <c>inputs/{predictionId}/image/0.png</c>.</summary>
    internal const string AssetsPath = "/emulator/";

    /// <summary>The host of the in-process emulator: <c>.invalid</c>, so that a request sent elsewhere by mistake can never resolve.</summary>
    internal const string InProcessOrigin = "https://emulator.skinlite.invalid";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly JobStore _jobs;
    private readonly FaultDice _faults;
    private readonly JobIds _ids;
    private readonly BearerCheck _bearer;
    private readonly SubmitBucket? _bucket;
    private readonly Dictionary<string, int> _submitsByImage = new(StringComparer.Ordinal);
    private int _acceptedSubmits;
    private int _rateLimited;
    private int _quotaRefused;
    private int _polls;
    private volatile bool _disposed;

    /// <summary>Creates an emulator.</summary>
    /// <param name="options">Its behaviour; copied, so later changes do not apply. Defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of job progress, expiry and every delay; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public SkinAnalysisEmulator(EmulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        Options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _jobs = new JobStore(Options.MaxJobs);
        _faults = new FaultDice(Options.Faults, Options.Seed);
        _ids = new JobIds(Options.Seed);
        _bearer = new BearerCheck(Options.Credential);
        // One credential, so one bucket and one quota: the emulator's whole memory for them is this.
        _bucket = Options.SubmitRate is > 0 and var rate ? new SubmitBucket(rate, _time) : null;
    }

    /// <summary>
    /// A snapshot of the counters: accepted submits (jobs created) in total and per image content, submits refused by
    /// the rate limit and by the quota, and polls. Readable after <see cref="Dispose"/>. Served as JSON at <see cref="StatsPath"/>.
    /// </summary>
    public EmulatorStats Stats
    {
        get
        {
            lock (_gate)
            {
                return new EmulatorStats(_acceptedSubmits, _rateLimited, _quotaRefused, _polls, _submitsByImage);
            }
        }
    }

    /// <summary>The settings in force (a private copy).</summary>
    internal EmulatorOptions Options { get; }

    /// <summary>How many jobs are held right now, expired ones included until the next request purges them.</summary>
    internal int JobCount
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    /// <summary>The base address of a route family on the in-process emulator, for <c>SkinLiteClientOptions.BaseAddress</c> with <see cref="CreateHandler"/>.</summary>
    /// <param name="api">The route family.</param>
    /// <returns><c>https://emulator.skinlite.invalid</c> followed by the family's path prefix, e.g. <c>/service/private/misc/v2.0</c>.</returns>
    public static Uri BaseAddressFor(SkinLiteApi api) => new(InProcessOrigin + api.BasePath());

    /// <summary>Creates a handler that answers requests in process, with no sockets: <c>new HttpClient(emulator.CreateHandler())</c>.</summary>
    /// <returns>A new handler over this emulator's jobs; dispose it with its <see cref="HttpClient"/>.</returns>
    /// <exception cref="ObjectDisposedException">The emulator was disposed.</exception>
    public HttpMessageHandler CreateHandler()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new EmulatorHandler(this);
    }

    /// <summary>Forgets every job; handlers and servers over this emulator refuse further requests.</summary>
    public void Dispose()
    {
        _disposed = true;
        lock (_gate)
        {
            _jobs.Clear();
        }
    }

    /// <summary>The answer to a request whose body is over <see cref="EmulatorOptions.MaxRequestBytes"/>.</summary>
    internal EmulatorAnswer TooLarge() => new(
        413,
        ErrorBodies.Json(413, "EMU-413", "PayloadTooLargeError", string.Create(CultureInfo.InvariantCulture, $"The request body is over the emulator's limit of {Options.MaxRequestBytes} bytes (EmulatorOptions.MaxRequestBytes).")));

    /// <summary>
    /// Answers one request: latency, then the route and the credential (a request the service would refuse is refused
    /// before any fault is drawn for it, as a real service authenticates first), then the fault drawn, then the work.
    /// </summary>
    internal async Task<EmulatorAnswer> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EmulatorRoute route = EmulatorRoute.Match(request.Uri.AbsolutePath);
        if (route.Kind == RouteKind.Stats)
        {
            // A test hook, not part of the service: no latency, no fault drawn (a script stays in step), not counted.
            return Refusal(request, route) ?? new EmulatorAnswer(200, StatsDocument.Write(Stats));
        }

        if (Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Options.Latency, _time, cancellationToken).ConfigureAwait(false);
        }

        if (Refusal(request, route) is { } refused)
        {
            return refused;
        }

        FaultKind fault;
        lock (_gate)
        {
            fault = _faults.Next();
            if (route.Kind == RouteKind.Result)
            {
                _polls++;
            }
        }

        switch (fault)
        {
            case FaultKind.TooManyRequests:
                return new EmulatorAnswer(429, ErrorBodies.Json(429, "EMU-429", "TooManyRequestsError", "Too many requests (emulated 429 fault)."), RetryAfter: ((long)Options.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            case FaultKind.TooManyRequestsBare:
                return new EmulatorAnswer(429, ErrorBodies.Json(429, "EMU-429", "TooManyRequestsError", "Too many requests (emulated 429 fault, no Retry-After)."));
            case FaultKind.InternalServerError:
                return new EmulatorAnswer(500, ErrorBodies.Json(500, "EMU-500", "InternalServerError", "Internal server error (emulated 500 fault)."));
            case FaultKind.BadGateway:
                return new EmulatorAnswer(502, ErrorBodies.Json(502, "EMU-502", "BadGatewayError", "Bad gateway (emulated 502 fault)."));
            case FaultKind.ServiceUnavailable:
                return new EmulatorAnswer(503, ErrorBodies.Json(503, "EMU-503", "ServiceUnavailableError", "Service unavailable (emulated 503 fault)."));
            case FaultKind.Slow:
                await Task.Delay(Options.SlowAnswerDelay, _time, cancellationToken).ConfigureAwait(false);
                break;
        }

        // A dropped or cut answer is dropped after the work is done: the client cannot know whether a submit took effect.
        EmulatorAnswer answer = Route(request, route, failJob: fault == FaultKind.Failure);
        return fault switch
        {
            FaultKind.Drop => answer with { Delivery = Delivery.Drop },
            FaultKind.Truncate => answer with { Delivery = Delivery.Truncate },
            FaultKind.Malformed => answer with { Body = ErrorBodies.Malformed },
            _ => answer,
        };
    }

    /// <summary>
    /// The submit rate's refusal, or null when the submit may go on (it has taken a token). Checked before the form is
    /// read, as a gateway would; an injected fault that answers first (<c>429</c>, 5xx) takes no token.
    /// </summary>
    private EmulatorAnswer? RateLimit()
    {
        if (_bucket is null)
        {
            return null;
        }

        long retryAfter;
        lock (_gate)
        {
            if (_bucket.TryTake(out retryAfter))
            {
                return null;
            }

            _rateLimited++;
        }

        string message = string.Create(CultureInfo.InvariantCulture, $"Too many requests: over the emulator's submit rate of {Options.SubmitRate} per second (EmulatorOptions.SubmitRate); retry after {retryAfter} s.");
        return new EmulatorAnswer(429, ErrorBodies.Json(429, "EMU-429", "TooManyRequestsError", message), RetryAfter: retryAfter.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The answer to a request no route takes, with the wrong method, or without the emulator's credential; otherwise null.</summary>
    private EmulatorAnswer? Refusal(EmulatorRequest request, EmulatorRoute route)
    {
        if (route.Kind == RouteKind.NotFound)
        {
            return new EmulatorAnswer(404, ErrorBodies.Json(404, "EMU-404", "NotFoundError", "Not found: no emulated route has this path."));
        }

        if (!string.Equals(request.Method, route.Method, StringComparison.OrdinalIgnoreCase))
        {
            return new EmulatorAnswer(405, ErrorBodies.Json(405, "EMU-405", "MethodNotAllowedError", $"Method not allowed: this route takes {route.Method}."));
        }

        // An asset host is a CDN: it asks for no credential (and a client must not send it one).
        if (route.Kind != RouteKind.Asset && !_bearer.Accepts(request.Authorization))
        {
            return new EmulatorAnswer(401, ErrorBodies.Json(401, "EMU-401", "UnauthorizedError", "Unauthorized: the bearer token is missing or is not the emulator's credential."));
        }

        return null;
    }

    private EmulatorAnswer Route(EmulatorRequest request, EmulatorRoute route, bool failJob)
    {
        string origin = request.Uri.GetLeftPart(UriPartial.Authority);
        return route.Kind switch
        {
            RouteKind.Submit => Submit(request, route, origin, failJob),
            RouteKind.Asset => Asset(route),
            _ => Result(route, origin, failJob),
        };
    }

    private EmulatorAnswer Submit(EmulatorRequest request, EmulatorRoute route, string origin, bool failJob)
    {
        if (RateLimit() is { } limited)
        {
            return limited;
        }

        if (MultipartForm.FindField(request.ContentType, request.Body, "input.image") is not { } image)
        {
            return new EmulatorAnswer(400, ErrorBodies.Json(400, "EMU-400", "ValidationError", "Bad request: send the image as a multipart/form-data file part named input.image."));
        }

        ImageVerdict verdict = ImageJudge.Judge(image.Span);
        if (failJob)
        {
            verdict = ImageVerdict.Failed(verdict.Format);
        }

        string imageKey = EmulatorStats.ImageKey(image.Span);
        EmulatedJob job;
        lock (_gate)
        {
            // Checked and counted under one lock with the job's creation, so concurrent submits never pass the quota.
            if (Options.Quota is { } quota && _acceptedSubmits >= quota)
            {
                _quotaRefused++;
                return new EmulatorAnswer(403, ErrorBodies.UsageLimitExceeded);
            }

            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset finishes = now + Options.ProcessingTime;
            job = new EmulatedJob
            {
                PredictionId = _ids.Prediction(now),
                ScanId = _ids.Scan(now),
                SubjectId = _ids.Subject(now),
                AppId = route.AppId,
                Api = route.Api,
                CreatedAt = now,
                ProcessingAt = now + (Options.ProcessingTime / 2),
                FinishesAt = finishes,
                ExpiresAt = finishes + Options.JobRetention,
                Verdict = verdict,
            };
            _jobs.Add(job, now);
            _acceptedSubmits++;
            _submitsByImage[imageKey] = _submitsByImage.GetValueOrDefault(imageKey) + 1;
        }

        return new EmulatorAnswer(SubmitStatusCode(route.Api), JobDocuments.SubmitAnswer(job, origin));
    }

    /// <summary>
    /// The status of an accepted submit: 201 as documented, but 200 on the transformation family, which is what real
    /// traffic there answered. A quirk of that family's service, not a consequence of its having no scan id.
    /// </summary>
    private static int SubmitStatusCode(SkinLiteApi api) => api == SkinLiteApi.Transformation ? 200 : 201;

    /// <summary>An image a finished job's document references, while the job is remembered; 404 for any other name or job.</summary>
    private EmulatorAnswer Asset(EmulatorRoute route)
    {
        bool known;
        lock (_gate)
        {
            known = _jobs.Find(route.PredictionId!, _time.GetUtcNow()) is not null;
        }

        if (!known || !AssetImages.IsReferenced(route.AssetFile!))
        {
            return new EmulatorAnswer(404, ErrorBodies.Json(404, "EMU-404", "NotFoundError", "Not found: no emulated job references this image (assets are served while their job is remembered)."));
        }

        return new EmulatorAnswer(200, AssetImages.For(route.AssetFile!), ContentType: AssetImages.ContentType);
    }

    private EmulatorAnswer Result(EmulatorRoute route, string origin, bool failJob)
    {
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            EmulatedJob? job = _jobs.Find(route.PredictionId!, now);
            if (job is null || !SameAddress(job, route))
            {
                return new EmulatorAnswer(404, ErrorBodies.Json(404, "EMU-404", "NotFoundError", string.Create(CultureInfo.InvariantCulture, $"Prediction not found: no emulated job has these ids (finished jobs are forgotten after {Options.JobRetention}).")));
            }

            if (failJob && !job.EndedByFault && now < job.FinishesAt)
            {
                job.Verdict = ImageVerdict.Failed(job.Verdict.Format);
                job.EndedByFault = true;
            }

            return new EmulatorAnswer(200, JobDocuments.Result(job, now, origin, Options.CreditsPerAnalysis));
        }
    }

    private static bool SameAddress(EmulatedJob job, EmulatorRoute route) =>
        job.Api.UsesScanId() == route.Api.UsesScanId() &&
        (!job.Api.UsesScanId() || (job.ScanId == route.ScanId && job.AppId == route.AppId));
}
