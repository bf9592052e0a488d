namespace SkinLite.Reports.Html;

/// <summary>
/// The concern columns of the batch index: every concern any analysed image has, in the order first seen, matched by
/// <c>tech_name</c> (else name, ASCII case ignored). At most <see cref="MaxColumns"/>: the service sends about ten, and a
/// hostile document with thousands must not make a table of millions of cells.
/// </summary>
internal sealed class ConcernColumns
{
    public const int MaxColumns = 30;

    private readonly List<(string Key, string Label)> _columns = [];

    private ConcernColumns()
    {
    }

    public int Count => _columns.Count;

    /// <summary>How many distinct concerns were left out by <see cref="MaxColumns"/>.</summary>
    public int LeftOut { get; private set; }

    public string Label(int column) => _columns[column].Label;

    public static ConcernColumns Of(IEnumerable<SkinAnalysis> analyses)
    {
        var columns = new ConcernColumns();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (SkinAnalysis analysis in analyses)
        {
            foreach (SkinConcern concern in analysis.Concerns)
            {
                if (KeyOf(concern) is not { } key || !seen.Add(key))
                {
                    continue;
                }

                if (columns._columns.Count < MaxColumns)
                {
                    columns._columns.Add((key, concern.Name ?? concern.TechName ?? key));
                }
                else
                {
                    columns.LeftOut++;
                }
            }
        }

        return columns;
    }

    /// <summary>The score of <paramref name="analysis"/> in a column: its first concern with that key.</summary>
    public int? ValueOf(SkinAnalysis analysis, int column)
    {
        string key = _columns[column].Key;
        foreach (SkinConcern concern in analysis.Concerns)
        {
            if (string.Equals(KeyOf(concern), key, StringComparison.OrdinalIgnoreCase))
            {
                return concern.Value;
            }
        }

        return null;
    }

    private static string? KeyOf(SkinConcern concern) => string.IsNullOrEmpty(concern.TechName) ? concern.Name : concern.TechName;
}
