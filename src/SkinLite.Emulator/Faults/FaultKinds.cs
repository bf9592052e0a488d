namespace SkinLite.Emulator;

/// <summary>The spelling of each fault kind in a plan: <c>ok, 429, 500, 502, 503, slow, drop, truncate, malformed, failure, 429-bare</c>.</summary>
internal static class FaultKinds
{
    private static readonly string[] Names = ["ok", "429", "500", "502", "503", "slow", "drop", "truncate", "malformed", "failure", "429-bare"];

    public static string AllNames => string.Join(", ", Names);

    public static string Name(FaultKind kind) => Names[(int)kind];

    public static bool TryParse(ReadOnlySpan<char> text, out FaultKind kind)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                kind = (FaultKind)i;
                return true;
            }
        }

        kind = FaultKind.Ok;
        return false;
    }
}
