using System.Text.Json;

namespace SkinLite;

/// <summary>
/// The handle of a submitted analysis: the ids needed to fetch its result, now or from another process later.
/// A plain value: save it with <see cref="ToJson"/> and rebuild it with <see cref="FromJson"/> (or from bare ids).
/// </summary>
public sealed record SkinAnalysisJob
{
    /// <summary>The route family the job was submitted on.</summary>
    public SkinLiteApi Api { get; init; }

    /// <summary>The application id (sa-predictions families); <see langword="null"/> means the client's own.</summary>
    public string? AppId { get; init; }

    /// <summary>The scan id (sa-predictions families); <see langword="null"/> on the transformation family.</summary>
    public string? ScanId { get; init; }

    /// <summary>The prediction id (<c>_id</c> of the submit answer), the last segment of the result path.</summary>
    public required string PredictionId { get; init; }

    /// <summary>The subject id the service assigned (sa-predictions families).</summary>
    public string? SubjectId { get; init; }

    /// <summary>The status when the handle was made (<c>ACCEPTED</c> after a submit).</summary>
    public JobStatus Status { get; init; }

    /// <summary>When the service created the job, if it said and the value could be read.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The handle as JSON (camelCase names), for saving and resuming later.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SkinLiteJsonContext.Default.SkinAnalysisJob);

    /// <summary>Rebuilds a handle saved with <see cref="ToJson"/>.</summary>
    /// <param name="json">The saved JSON.</param>
    /// <exception cref="FormatException">The text is not a saved job handle.</exception>
    public static SkinAnalysisJob FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, SkinLiteJsonContext.Default.SkinAnalysisJob)
                ?? throw new FormatException("The saved job handle is JSON null.");
        }
        catch (Exception ex) when (JsonReadFailure.Is(ex))
        {
            throw new FormatException($"The text is not a saved SkinLite job handle: {ex.Message}", ex);
        }
    }
}
