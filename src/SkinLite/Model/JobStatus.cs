using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkinLite;

/// <summary>
/// A job status as the service spells it. An open set: a value the service invents tomorrow is kept as it came
/// and counts as not finished. Comparisons ignore ASCII case.
/// </summary>
[JsonConverter(typeof(JobStatusJsonConverter))]
public readonly struct JobStatus : IEquatable<JobStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a status string as the service sent it.</summary>
    /// <param name="value">The status, e.g. <c>PROCESSING</c>.</param>
    public JobStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>ACCEPTED</c>: the image was taken; the job has not started.</summary>
    public static JobStatus Accepted { get; } = new("ACCEPTED");

    /// <summary><c>PREPARING</c>: the job is being set up.</summary>
    public static JobStatus Preparing { get; } = new("PREPARING");

    /// <summary><c>PROCESSING</c>: the analysis is running.</summary>
    public static JobStatus Processing { get; } = new("PROCESSING");

    /// <summary><c>SUCCESS</c>: finished. The image may still have been rejected (see <see cref="AnalysisOutcome"/>).</summary>
    public static JobStatus Success { get; } = new("SUCCESS");

    /// <summary><c>FAILURE</c>: the job failed (the spelling seen in real traffic).</summary>
    public static JobStatus Failure { get; } = new("FAILURE");

    /// <summary><c>FAILED</c>: the job failed (the spelling in the documentation).</summary>
    public static JobStatus Failed { get; } = new("FAILED");

    /// <summary>The status as the service spelled it; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is <see cref="Success"/>.</summary>
    public bool IsSuccess => Equals(Success);

    /// <summary>Whether this is <see cref="Failure"/> or <see cref="Failed"/>.</summary>
    public bool IsFailure => Equals(Failure) || Equals(Failed);

    /// <summary>Whether the job has ended (success or failure); every other value, known or not, means keep polling.</summary>
    public bool IsTerminal => IsSuccess || IsFailure;

    /// <summary>Compares two statuses, ignoring ASCII case.</summary>
    public static bool operator ==(JobStatus left, JobStatus right) => left.Equals(right);

    /// <summary>Compares two statuses, ignoring ASCII case.</summary>
    public static bool operator !=(JobStatus left, JobStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(JobStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JobStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The status as the service spelled it.</summary>
    public override string ToString() => Value;

    /// <summary>Reads a status string token without allocating for the well-known values.</summary>
    internal static JobStatus FromUtf8(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("PROCESSING"u8)) { return Processing; }
        if (reader.ValueTextEquals("ACCEPTED"u8)) { return Accepted; }
        if (reader.ValueTextEquals("SUCCESS"u8)) { return Success; }
        if (reader.ValueTextEquals("PREPARING"u8)) { return Preparing; }
        if (reader.ValueTextEquals("FAILURE"u8)) { return Failure; }
        if (reader.ValueTextEquals("FAILED"u8)) { return Failed; }
        return new JobStatus(TolerantJsonValues.GetString(ref reader) ?? string.Empty);
    }
}
