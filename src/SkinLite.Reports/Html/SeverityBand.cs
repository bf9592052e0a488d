using System.Globalization;

namespace SkinLite.Reports.Html;

/// <summary>
/// Where a score sits among its concern's bands: 0 (the worst band, "Needs Attention"), 1 (a middle one), 2 (the best,
/// "Good"), or <see langword="null"/> when the document does not say. Drives the colour only; the severity's own words
/// are always printed beside it.
/// </summary>
internal static class SeverityBand
{
    public const string BadColour = "#b42318";
    public const string MiddleColour = "#b54708";
    public const string GoodColour = "#067647";
    public const string UnknownColour = "#6e7781";

    /// <summary>By the severity's place in <c>severity_list</c>, else by the band of <c>score_range</c> the value falls in.</summary>
    public static int? Of(SkinConcern concern)
    {
        int count = concern.SeverityList.Count;
        if (concern.Severity is { } severity && count > 0)
        {
            for (int i = 0; i < count; i++)
            {
                if (string.Equals(concern.SeverityList[i], severity, StringComparison.OrdinalIgnoreCase))
                {
                    return Normalise(i, count);
                }
            }
        }

        if (concern.Value is { } value)
        {
            for (int i = 0; i < concern.ScoreRange.Count; i++)
            {
                if (TryParseRange(concern.ScoreRange[i], out int low, out int high) && value >= low && value <= high)
                {
                    return Normalise(i, concern.ScoreRange.Count);
                }
            }
        }

        return null;
    }

    /// <summary>The overall score's band: the thresholds of <c>skin_health</c> in the recording (below 50, below 90, else).</summary>
    public static int? OfTotal(int? total) => total switch
    {
        null => null,
        < 50 => 0,
        < 90 => 1,
        _ => 2,
    };

    public static string Colour(int? band) => band switch
    {
        0 => BadColour,
        1 => MiddleColour,
        2 => GoodColour,
        _ => UnknownColour,
    };

    /// <summary>A band such as <c>50-89</c>.</summary>
    public static bool TryParseRange(string? range, out int low, out int high)
    {
        low = high = 0;
        int dash = range is { Length: > 1 } ? range.IndexOf('-', 1) : -1; // from 1: a leading '-' is a sign
        return range is not null && dash > 0
            && int.TryParse(range.AsSpan(0, dash), NumberStyles.Integer, CultureInfo.InvariantCulture, out low)
            && int.TryParse(range.AsSpan(dash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out high);
    }

    // The first band is the worst and the last the best in every document seen; a list of two has no middle.
    private static int Normalise(int index, int count) => index == 0 ? 0 : index == count - 1 ? 2 : 1;
}
