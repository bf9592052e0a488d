using System.Globalization;

namespace SkinLite.Imaging.Sizing;

/// <summary>The one-line descriptions of an assessment and a report, in the words the command line prints.</summary>
internal static class FitText
{
    public static string Assessment(FitAssessment assessment) =>
        !assessment.CanFit ? $"cannot be fitted: {assessment.Refusal}"
        : assessment.Reasons == FitReasons.None ? "meets every rule and carries no metadata: sent as it is"
        : $"fitting would fix it: {Changes(assessment)}";

    public static string Changes(FitAssessment assessment)
    {
        if (!assessment.NeedsFitting)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (assessment.Reasons.HasFlag(FitReasons.Format))
        {
            parts.Add($"{assessment.SourceFormat} → JPEG");
        }

        if ((assessment.TargetWidth, assessment.TargetHeight) != (assessment.Width, assessment.Height))
        {
            parts.Add($"{assessment.Width}x{assessment.Height} → {assessment.TargetWidth}x{assessment.TargetHeight}");
        }

        if (assessment.Orientation != 1)
        {
            parts.Add($"{(Orientation.IsMirrored(assessment.Orientation) ? "mirror and " : string.Empty)}rotate {Orientation.RotationDegrees(assessment.Orientation)}°");
        }

        AddChanges(parts, assessment.Reasons, assessment.Metadata, past: false);
        return string.Join(", ", parts);
    }

    public static string Report(FitReport report)
    {
        FitAssessment assessment = report.Assessment;
        if (!report.Changed)
        {
            return $"not fitted: the {assessment.SourceFormat} already meets every rule and carries no metadata; sent as it is";
        }

        var parts = new List<string>();
        if (assessment.Reasons.HasFlag(FitReasons.Format))
        {
            parts.Add($"{assessment.SourceFormat} → JPEG");
        }

        parts.Add((report.Width, report.Height) == (assessment.Width, assessment.Height)
            ? $"{report.Width}x{report.Height} kept"
            : $"{assessment.Width}x{assessment.Height} → {report.Width}x{report.Height}");
        if (report.RotationDegrees != 0 || report.Mirrored)
        {
            parts.Add(report.Mirrored ? $"mirrored and rotated {report.RotationDegrees}°" : $"rotated {report.RotationDegrees}°");
        }

        AddChanges(parts, assessment.Reasons, report.MetadataRemoved, past: true);
        parts.Add($"{Size(report.BytesBefore)} → {Size(report.BytesAfter)} (JPEG quality {report.Quality})");
        return $"fitted: {string.Join(", ", parts)}";
    }

    private static void AddChanges(List<string> parts, FitReasons reasons, PhotoMetadata metadata, bool past)
    {
        if (reasons.HasFlag(FitReasons.ColorProfile))
        {
            parts.Add(past ? "converted to sRGB" : "convert to sRGB");
        }

        if (reasons.HasFlag(FitReasons.Cmyk))
        {
            parts.Add(past ? "CMYK converted to RGB" : "convert CMYK to RGB");
        }

        if (reasons.HasFlag(FitReasons.Transparency))
        {
            parts.Add(past ? "transparency flattened onto white" : "flatten transparency onto white");
        }

        if (Names(metadata) is { } names)
        {
            parts.Add(past ? $"{names} metadata removed" : $"remove {names} metadata");
        }
    }

    /// <summary>e.g. "location, device and date"; null when there is none worth naming.</summary>
    private static string? Names(PhotoMetadata metadata)
    {
        var names = new List<string>();
        if (metadata.HasFlag(PhotoMetadata.Location)) names.Add("location");
        if (metadata.HasFlag(PhotoMetadata.Device)) names.Add("device");
        if (metadata.HasFlag(PhotoMetadata.Dates)) names.Add("date");
        if (metadata.HasFlag(PhotoMetadata.Other)) names.Add("other");
        if (metadata.HasFlag(PhotoMetadata.ColorProfile)) names.Add("colour profile");
        return names.Count switch
        {
            0 => null,
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        };
    }

    /// <summary>Decimal units, as file managers show them: <c>4.1 MB</c>, <c>780 kB</c>.</summary>
    public static string Size(long bytes) =>
        bytes >= 1_000_000
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 500) / 1000)} kB");
}
