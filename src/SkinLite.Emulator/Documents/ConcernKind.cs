namespace SkinLite.Emulator;

/// <summary>One concern the real service reports: its names, score bands and mask image, as in the recorded document.</summary>
internal sealed record ConcernKind(string TechName, string Name, string[] ScoreRange, string ImageFile)
{
    public static readonly string[] SeverityList = ["Needs Attention", "Average", "Good"];

    /// <summary>The severity whose score band holds <paramref name="value"/> (bands like <c>"50-89"</c>, matched in order).</summary>
    public string Severity(int value)
    {
        for (int i = 0; i < ScoreRange.Length && i < SeverityList.Length; i++)
        {
            string[] bounds = ScoreRange[i].Split('-');
            if (value >= int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) &&
                value <= int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture))
            {
                return SeverityList[i];
            }
        }

        return SeverityList[^1];
    }
}
