using System.Security.Cryptography;
using System.Text.Json;

namespace SkinLite.Reports;

/// <summary>
/// Saves an analysis before its image URLs expire: the service's document (<c>document.json</c>), every image it
/// references under <c>images/</c>, and <c>manifest.json</c>, which maps each image's field to its local file.
/// Downloads run a few at a time, capped in size and time, retried on transient faults, checked to be images, and
/// written atomically; a second save of the same folder downloads only what is missing or changed on disk.
/// </summary>
/// <remarks>
/// The images sit on a CDN, not on the API: no Authorization header or cookie is ever sent to them, only https URLs
/// are fetched (plain http from loopback only, for the emulator), and redirects are followed only to https. Local file
/// names are built from slugs of the document's names (<c>images/concern-03-dark-circle.png</c>), never from the
/// document's text as is, so a hostile document cannot write outside the folder.
/// </remarks>
/// <example>
/// <code>
/// AnalysisOutcome outcome = await client.AnalyzeAsync(image);
/// using var downloader = new AssetDownloader();
/// SavedAnalysis saved = await downloader.SaveAsync(outcome, "results/face-1");
/// </code>
/// </example>
public sealed class AssetDownloader : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AssetDownloadOptions _options;

    /// <summary>A downloader with its own HTTP client: no default headers, no cookies, redirects followed by the downloader's own rules.</summary>
    /// <param name="options">How to download; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AssetDownloader(AssetDownloadOptions? options = null)
        : this(CreateClient(), options ?? new AssetDownloadOptions(), ownsHttp: true)
    {
    }

    /// <summary>
    /// A downloader over the caller's HTTP client (not disposed with the downloader). It must be a client for the
    /// image host, not the API's: a client that carries an Authorization header is refused. Give it
    /// <c>AllowAutoRedirect = false</c> so that every redirect meets the downloader's rules.
    /// </summary>
    /// <param name="httpClient">The client to fetch images with.</param>
    /// <param name="options">How to download; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="httpClient"/> sends an Authorization header by default.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AssetDownloader(HttpClient httpClient, AssetDownloadOptions? options = null)
        : this(Checked(httpClient), options ?? new AssetDownloadOptions(), ownsHttp: false)
    {
    }

    private AssetDownloader(HttpClient http, AssetDownloadOptions options, bool ownsHttp)
    {
        try
        {
            options.Validate();
        }
        catch
        {
            if (ownsHttp)
            {
                http.Dispose();
            }

            throw;
        }

        _http = http;
        _ownsHttp = ownsHttp;
        _options = options;
    }

    /// <summary>How the downloader waits before a retry; tests replace it to run without sleeping.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

    /// <summary>
    /// Saves a result document and every image it references into <paramref name="directory"/> (created if needed).
    /// An image that cannot be saved does not throw: it is a Failed or Refused entry of the manifest, with the reason.
    /// </summary>
    /// <param name="document">The service's result document, as it came (UTF-8 JSON).</param>
    /// <param name="directory">The folder to save into; an earlier save there is completed, not repeated.</param>
    /// <param name="cancellationToken">Cancels the save; no temporary file is left behind.</param>
    /// <returns>The saved analysis, as <see cref="SavedAnalysis.Load"/> would read it.</returns>
    /// <exception cref="InvalidDataException"><paramref name="document"/> is not a finished prediction document (nothing is written).</exception>
    /// <exception cref="IOException">The folder or a file in it could not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<SavedAnalysis> SaveAsync(ReadOnlyMemory<byte> document, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ReadOnlyMemory<byte> json = document.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? document[3..] : document;
        AnalysisOutcome outcome = Classify(json.Span);
        using JsonDocument parsed = ParseWhole(json);
        List<AssetReference> references = AssetReferences.Find(parsed.RootElement);
        string? predictionId = parsed.RootElement.TryGetProperty("_id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        bool emulated = outcome.TryGetResult(out SkinAnalysis? result) && result.IsEmulated;

        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        AtomicFile.DeleteLeftovers(full, SavedAnalysis.DocumentFileName);
        AtomicFile.DeleteLeftovers(full, SaveManifest.FileName);
        AtomicFile.DeleteLeftovers(Path.Combine(full, AssetReference.ImagesFolder));

        IReadOnlyList<SavedAsset> previous = ManifestFile.TryRead(full)?.Assets ?? [];
        var fetcher = new AssetFetcher(_http, _options, Delay);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        SavedAsset[] assets = await Task.WhenAll(references.Select(reference => SaveOneAsync(reference, full, previous, fetcher, slots, cancellationToken))).ConfigureAwait(false);

        var manifest = new SaveManifest
        {
            Document = SavedAnalysis.DocumentFileName,
            PredictionId = predictionId,
            Emulated = emulated,
            SavedAt = DateTimeOffset.UtcNow,
            Assets = assets,
        };
        // The document next to last, the manifest last: an interrupted re-save leaves the earlier document with its own
        // manifest (images it names that were replaced meanwhile fail its hash check on the next save), and a new document
        // sits beside an old manifest only between two renames.
        await AtomicFile.WriteAllBytesAsync(Path.Combine(full, SavedAnalysis.DocumentFileName), document, cancellationToken).ConfigureAwait(false);
        await ManifestFile.WriteAsync(full, manifest, cancellationToken).ConfigureAwait(false);
        return SavedAnalysis.From(full, manifest);
    }

    /// <summary>
    /// Saves a finished outcome, as <c>AnalyzeAsync</c> returns it, with every image its analysis references. The
    /// outcome keeps the analysis but not the whole document, so a minimal document is written that
    /// <see cref="AnalysisOutcome.Parse(ReadOnlySpan{byte})"/> reads back to the same outcome; it has no input image
    /// URL. A rejected or failed outcome is saved too, with no images.
    /// </summary>
    /// <param name="outcome">A succeeded, rejected or failed outcome.</param>
    /// <param name="directory">The folder to save into.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The saved analysis.</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is pending or default.</exception>
    /// <exception cref="IOException">The folder or a file in it could not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SavedAnalysis> SaveAsync(AnalysisOutcome outcome, string directory, CancellationToken cancellationToken = default) =>
        SaveAsync(OutcomeDocument.From(outcome), directory, cancellationToken);

    /// <summary>Disposes the HTTP client if the downloader made it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<SavedAsset> SaveOneAsync(
        AssetReference reference, string directory, IReadOnlyList<SavedAsset> previous, AssetFetcher fetcher, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (previous.FirstOrDefault(p => IsSameAndIntact(p, reference, directory)) is { } kept)
            {
                return kept;
            }

            return await fetcher.FetchAsync(reference, directory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// Whether an earlier save's entry is this image, still whole on disk: same field, same URL, the name this save
    /// would give it, and a file with the recorded length and SHA-256. Anything else is downloaded again.
    /// </summary>
    private static bool IsSameAndIntact(SavedAsset earlier, AssetReference reference, string directory)
    {
        if (earlier.Status != SavedAssetStatus.Saved || earlier.FileName is null || earlier.Sha256 is null ||
            !string.Equals(earlier.Field, reference.Field, StringComparison.Ordinal) ||
            !string.Equals(earlier.Url, reference.Url, StringComparison.Ordinal) ||
            !earlier.FileName.StartsWith($"{AssetReference.ImagesFolder}/{reference.Role}.", StringComparison.Ordinal))
        {
            return false;
        }

        string path;
        try
        {
            path = SafeName.Contained(directory, earlier.FileName);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length != earlier.Length)
        {
            return false;
        }

        using FileStream stream = file.OpenRead();
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), earlier.Sha256, StringComparison.Ordinal);
    }

    /// <summary>The document's outcome; anything but a finished prediction document is refused before anything is written.</summary>
    private static AnalysisOutcome Classify(ReadOnlySpan<byte> json)
    {
        AnalysisOutcome outcome;
        try
        {
            outcome = AnalysisOutcome.Parse(json);
        }
        catch (SkinLiteException ex)
        {
            throw new InvalidDataException($"The document is not a prediction result document: {ex.Message}", ex);
        }

        return outcome.IsTerminal
            ? outcome
            : throw new InvalidDataException($"The document is not a finished prediction: its status is {outcome.Status}.");
    }

    /// <summary>The whole document as JSON: the outcome's reader stops at the end of the top-level object, so trailing bytes are only seen here.</summary>
    private static JsonDocument ParseWhole(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The document is not a prediction result document: it is not valid JSON ({ex.Message})", ex);
        }
    }

    private static HttpClient Checked(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return httpClient.DefaultRequestHeaders.Authorization is null
            ? httpClient
            : throw new ArgumentException(
                "The HttpClient sends an Authorization header: it must be a client for the image host (a CDN), not the API's, so that the access key never leaves for another host.",
                nameof(httpClient));
    }

    private static HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            // Redirects are followed by AssetFetcher, which checks each hop; cookies would carry state between hosts.
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            // Each attempt has its own timeout (AssetDownloadOptions.Timeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
