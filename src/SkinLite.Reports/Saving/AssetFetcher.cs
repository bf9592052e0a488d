using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace SkinLite.Reports;

/// <summary>
/// Downloads one image: follows redirects by hand (each hop must pass <see cref="AssetUrlPolicy"/>), retries transient
/// faults, streams the body into a temporary file while counting it against the cap and hashing it, checks its first
/// bytes, and only then renames it to its final name. A failure of the image is an answer (a Failed or Refused
/// <see cref="SavedAsset"/>), never an exception; cancellation and local I/O errors do throw.
/// </summary>
internal sealed class AssetFetcher(HttpClient http, AssetDownloadOptions options, Func<TimeSpan, CancellationToken, Task> delay)
{
    /// <summary>The longest Retry-After honoured: a CDN asking for longer gets the normal backoff instead, and the save stays quick.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan BaseBackoff = TimeSpan.FromMilliseconds(250);

    public async Task<SavedAsset> FetchAsync(AssetReference asset, string directory, CancellationToken cancellationToken)
    {
        if (AssetUrlPolicy.Refusal(asset.Url, options.AllowLoopbackHttp, out Uri? uri) is { } refusal)
        {
            return Refused(asset, refusal);
        }

        string images = Path.Combine(directory, AssetReference.ImagesFolder);
        for (int attempt = 1; ; attempt++)
        {
            Attempt result;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(options.Timeout);
                try
                {
                    result = await AttemptAsync(asset, uri!, directory, images, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    result = Attempt.Transient(string.Create(CultureInfo.InvariantCulture, $"the download timed out after {options.Timeout.TotalSeconds:0.#} seconds."), null);
                }
                catch (HttpRequestException ex)
                {
                    result = Attempt.Transient($"the connection failed: {ex.Message}", null);
                }
                catch (NetworkReadException ex)
                {
                    result = Attempt.Transient($"the connection broke during the download: {ex.InnerException!.Message}", null);
                }
            }

            if (result.Saved is { } saved)
            {
                return saved;
            }

            if (!result.IsTransient || attempt >= options.MaxAttempts)
            {
                string error = result.IsTransient && options.MaxAttempts > 1
                    ? string.Create(CultureInfo.InvariantCulture, $"Failed after {attempt} attempts: {result.Error}")
                    : Capitalise(result.Error!);
                return new SavedAsset { Field = asset.Field, Url = asset.Url, Status = result.Status, Error = error };
            }

            TimeSpan wait = result.RetryAfter is { } asked && asked <= MaxRetryAfter ? asked : BaseBackoff * attempt;
            await delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> AttemptAsync(AssetReference asset, Uri start, string directory, string images, CancellationToken cancellationToken)
    {
        Uri current = start;
        for (int redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            // A CDN, not the API: no credential, no cookie, nothing but what asks for an image.
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (redirects >= options.MaxRedirects)
                {
                    return Attempt.Final(SavedAssetStatus.Failed, $"it redirected more than {options.MaxRedirects} times.");
                }

                var next = new Uri(current, location);
                if (!AssetUrlPolicy.IsAllowedRedirect(current, next, options.AllowLoopbackHttp))
                {
                    return Attempt.Final(SavedAssetStatus.Refused, $"not fetched: it redirected to a URL that is not https ({next.Scheme}), and redirects are followed only to https.");
                }

                current = next;
                continue;
            }

            if (status is 408 or 429 or >= 500 and <= 599)
            {
                return Attempt.Transient(string.Create(CultureInfo.InvariantCulture, $"the image host answered HTTP {status} ({response.ReasonPhrase})."), RetryAfter(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                return Attempt.Final(SavedAssetStatus.Failed, string.Create(CultureInfo.InvariantCulture, $"the image host answered HTTP {status} ({response.ReasonPhrase})."));
            }

            if (response.Content.Headers.ContentLength > options.MaxBytesPerFile)
            {
                return Attempt.Final(SavedAssetStatus.Failed, TooLarge(response.Content.Headers.ContentLength.Value));
            }

            Directory.CreateDirectory(images);
            return await SaveBodyAsync(asset, response, directory, images, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> SaveBodyAsync(AssetReference asset, HttpResponseMessage response, string directory, string images, CancellationToken cancellationToken)
    {
        string temp = Path.Combine(images, $".{asset.Role}.{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
        try
        {
            var head = new byte[ImageKind.HeadLength];
            int headLength = 0;
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                Stream body;
                try
                {
                    body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new NetworkReadException(ex);
                }

                await using (body.ConfigureAwait(false))
                {
                    var buffer = new byte[81920];
                    while (true)
                    {
                        int read;
                        try
                        {
                            read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                        }
                        catch (IOException ex)
                        {
                            throw new NetworkReadException(ex);
                        }

                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                        if (length > options.MaxBytesPerFile)
                        {
                            // Counted as it streams: a host that sends no Content-Length (or a false one) cannot fill the disk.
                            return Attempt.Final(SavedAssetStatus.Failed, TooLarge(null));
                        }

                        int toHead = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                        headLength += toHead;
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }

                file.Flush(flushToDisk: true);
            }

            if (length == 0)
            {
                return Attempt.Final(SavedAssetStatus.Failed, "the image host sent an empty body.");
            }

            if (ImageKind.Of(head.AsSpan(0, headLength)) is not { } kind)
            {
                string type = response.Content.Headers.ContentType?.MediaType is { Length: > 0 and <= 100 } given ? given : "none given";
                return Attempt.Final(SavedAssetStatus.Failed, $"not an image: its first bytes are not PNG, JPEG, WebP or GIF (Content-Type: {type}).");
            }

            string fileName = asset.FileName(kind);
            File.Move(temp, SafeName.Contained(directory, fileName), overwrite: true);
            return Attempt.Done(new SavedAsset
            {
                Field = asset.Field,
                Url = asset.Url,
                Status = SavedAssetStatus.Saved,
                FileName = fileName,
                MediaType = kind.MediaType,
                Length = length,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
            });
        }
        finally
        {
            AtomicFile.DeleteQuietly(temp);
        }
    }

    private string TooLarge(long? length) => length is { } known
        ? string.Create(CultureInfo.InvariantCulture, $"the image is {known} bytes, larger than the {options.MaxBytesPerFile}-byte cap.")
        : string.Create(CultureInfo.InvariantCulture, $"the image is larger than the {options.MaxBytesPerFile}-byte cap.");

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static SavedAsset Refused(AssetReference asset, string error) =>
        new() { Field = asset.Field, Url = asset.Url, Status = SavedAssetStatus.Refused, Error = Capitalise(error) };

    private static string Capitalise(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    /// <summary>What one attempt came to: a saved image, a final failure, or a transient one worth another attempt.</summary>
    private readonly record struct Attempt(SavedAsset? Saved, SavedAssetStatus Status, string? Error, bool IsTransient, TimeSpan? RetryAfter)
    {
        public static Attempt Done(SavedAsset saved) => new(saved, SavedAssetStatus.Saved, null, false, null);

        public static Attempt Final(SavedAssetStatus status, string error) => new(null, status, error, false, null);

        public static Attempt Transient(string error, TimeSpan? retryAfter) => new(null, SavedAssetStatus.Failed, error, true, retryAfter);
    }

    /// <summary>The connection broke while the body was read: transient, unlike an I/O error of the local disk, which throws.</summary>
    private sealed class NetworkReadException(IOException inner) : Exception(inner.Message, inner);
}
