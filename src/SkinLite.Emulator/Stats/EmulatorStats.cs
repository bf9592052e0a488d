using System.Collections.ObjectModel;
using System.Globalization;
using System.Security.Cryptography;

namespace SkinLite.Emulator;

/// <summary>
/// What an emulator has been asked so far, as an immutable snapshot (<see cref="SkinAnalysisEmulator.Stats"/>; over
/// HTTP, <c>GET /emulator/stats</c>). A submit is counted when it creates a job, so a submit whose answer an injected
/// <c>drop</c>, <c>truncate</c> or <c>malformed</c> fault spoilt is counted (the job exists: the "may be paid" case),
/// and one answered by an injected <c>429</c> or 5xx fault, by the rate limit or by the quota is not.
/// </summary>
public sealed class EmulatorStats
{
    internal EmulatorStats(int acceptedSubmits, int rateLimited, int quotaRefused, int polls, IDictionary<string, int> submitsByImage)
    {
        AcceptedSubmits = acceptedSubmits;
        RateLimited = rateLimited;
        QuotaRefused = quotaRefused;
        Polls = polls;
        SubmitsByImage = new ReadOnlyDictionary<string, int>(new Dictionary<string, int>(submitsByImage, StringComparer.Ordinal));
    }

    /// <summary>Submits that created a job (what the service would charge for), whatever became of their answer.</summary>
    public int AcceptedSubmits { get; }

    /// <summary>Submits refused with 429 by <see cref="EmulatorOptions.SubmitRate"/> (injected <c>429</c> faults are not counted).</summary>
    public int RateLimited { get; }

    /// <summary>Submits refused with the 403 <c>Usage Limit Exceeded</c> of <see cref="EmulatorOptions.Quota"/>.</summary>
    public int QuotaRefused { get; }

    /// <summary>Result requests (polls) that passed authentication, whatever their answer (a 404, or an injected fault, included).</summary>
    public int Polls { get; }

    /// <summary>Accepted submits per image content, keyed by the lowercase hex SHA-256 of the uploaded bytes (<see cref="ImageKey"/>).</summary>
    public IReadOnlyDictionary<string, int> SubmitsByImage { get; }

    /// <summary>The key of an image in <see cref="SubmitsByImage"/>: the lowercase hex SHA-256 of its bytes.</summary>
    /// <param name="image">The bytes as uploaded in the <c>input.image</c> part.</param>
    /// <returns>64 lowercase hex digits.</returns>
    public static string ImageKey(ReadOnlySpan<byte> image) => Convert.ToHexStringLower(SHA256.HashData(image));

    /// <summary>How many accepted submits uploaded exactly these bytes.</summary>
    /// <param name="image">The bytes as uploaded.</param>
    /// <returns>The count, 0 if never.</returns>
    public int SubmitsOf(ReadOnlySpan<byte> image) => SubmitsByImage.GetValueOrDefault(ImageKey(image));

    /// <summary>The totals and the number of distinct images, on one line.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"EmulatorStats {{ AcceptedSubmits = {AcceptedSubmits}, RateLimited = {RateLimited}, QuotaRefused = {QuotaRefused}, Polls = {Polls}, DistinctImages = {SubmitsByImage.Count} }}");
}
